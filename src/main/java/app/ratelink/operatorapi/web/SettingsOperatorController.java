package app.ratelink.operatorapi.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/** {@code PUT /api/operator/v1/settings} with settings by name; unknown names or bad values change nothing. */
@OperatorApi
@RequestMapping("/api/operator/v1/settings")
class SettingsOperatorController {

    private final Settings settings;

    SettingsOperatorController(Settings settings) {
        this.settings = settings;
    }

    @GetMapping
    Map<String, String> get() {
        Map<String, String> result = new LinkedHashMap<>();
        settings.all().forEach((s, v) -> result.put(s.key(), v));
        return result;
    }

    @PutMapping
    Map<String, String> put(@RequestBody Map<String, Object> body) {
        Map<Setting, String> changes = new EnumMap<>(Setting.class);
        body.forEach((key, value) -> {
            Setting setting = Setting.byKey(key).orElseThrow(() -> new BadRequestException(key, "Unknown setting " + key));
            if (value == null) {
                throw new BadRequestException(key, "Setting " + key + " needs a value");
            }
            changes.put(setting, String.valueOf(value));
        });
        settings.update(changes);
        return get();
    }
}
