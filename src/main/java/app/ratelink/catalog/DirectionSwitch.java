package app.ratelink.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.system.AuditTrail;

/**
 * The directions list's bulk switch: a selection of directions enabled or disabled at once, in one
 * transaction with one catalogue revision and one audit entry that names every direction changed.
 */
@Service
public class DirectionSwitch {

    private final Catalog catalog;
    private final AuditTrail audit;

    DirectionSwitch(Catalog catalog, AuditTrail audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    /** {@code pairs}: {@code {from, to}} codes. Returns how many directions changed. */
    @Transactional
    public int setActive(List<String[]> pairs, boolean active) {
        List<Direction> changed = catalog.setActive(pairs, active);
        if (!changed.isEmpty()) {
            String names = changed.stream().map(d -> d.from() + "-" + d.to()).collect(Collectors.joining(","));
            audit.record(active ? "direction.enable" : "direction.disable", changed.size() + " directions",
                    Map.of("active", !active), Map.of("directions", names, "active", active));
        }
        return changed.size();
    }
}
