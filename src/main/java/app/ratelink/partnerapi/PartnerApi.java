package app.ratelink.partnerapi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * The partner API's checks, in the order clients of the existing scripts observe them: a switched-off
 * API (or maintenance) answers "Api disabled" to everyone; then {@code api_action}; then the key (a bad,
 * revoked or banned partner's key is "REST API key error"); then whether this partner may use the API;
 * then the rate limit; then the method and its options. Nothing is written until all of them passed.
 */
@Service
public class PartnerApi {

    static final String ACTION = "pp";

    private final Settings settings;
    private final ApiKeys keys;
    private final ApiRateLimit rateLimit;
    private final Map<String, PartnerApiMethod> methods;

    PartnerApi(Settings settings, ApiKeys keys, ApiRateLimit rateLimit, List<PartnerApiMethod> methods) {
        this.settings = settings;
        this.keys = keys;
        this.rateLimit = rateLimit;
        this.methods = methods.stream().collect(Collectors.toUnmodifiableMap(PartnerApiMethod::name, Function.identity()));
    }

    /** The answer to stream, or an {@link ApiError} thrown before anything was written. */
    public ApiAnswer answer(ApiCall call) {
        if (settings.maintenance() || "off".equals(settings.get(Setting.API_MODE))) {
            throw ApiError.disabled();
        }
        if (!ACTION.equals(call.apiAction())) {
            throw ApiError.notSupported();
        }
        long partnerId = keys.authenticate(call.apiKey()).orElseThrow(ApiError::badKey);
        if (!allowed(partnerId)) {
            throw ApiError.disabled();
        }
        // The key that authenticated, not the text as typed: "KEY", " key" and "key" are one key and one bucket.
        rateLimit.take(call.apiKey().trim().toLowerCase(Locale.ROOT));
        PartnerApiMethod method = call.method() == null ? null : methods.get(call.method());
        if (method == null) {
            throw ApiError.notSupported();
        }
        return method.answer(partnerId, call);
    }

    private boolean allowed(long partnerId) {
        if (!"selected".equals(settings.get(Setting.API_MODE))) {
            return true;
        }
        String id = Long.toString(partnerId);
        return Arrays.stream(settings.get(Setting.API_PARTNERS).split(",")).map(String::trim).anyMatch(id::equals);
    }
}
