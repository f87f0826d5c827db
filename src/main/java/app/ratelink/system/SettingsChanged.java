package app.ratelink.system;

import java.util.Set;

/** Published after settings were stored on this node. */
public record SettingsChanged(Set<Setting> settings) {
}
