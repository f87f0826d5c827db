package app.ratelink.partnerapi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import app.ratelink.apikey.ApiKey;
import app.ratelink.apikey.ApiKeys;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * The partner API's checks, in the order clients of the existing scripts observe them: a switched-off
 * API (or maintenance) answers "Api disabled" to everyone; then {@code api_action}; then the key (a bad,
 * revoked or banned partner's key is "REST API key error"); then whether this partner may use the API;
 * then the rate limit; then the method and its options. Nothing is written until all of them passed.
 * A key may be scoped: used from an address outside its list it is "REST API key error", a method outside
 * its methods is "Method not supported" (HTTP 501), exactly as for a bad key or an unknown method.
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
        return answer(call, null);
    }

    /**
     * The same for a call from {@code address} (the client's real address; null = unknown, which no
     * allow-list admits). Every call made with a valid key is kept in that key's log with its outcome.
     */
    public ApiAnswer answer(ApiCall call, String address) {
        if (settings.maintenance() || "off".equals(settings.get(Setting.API_MODE))) {
            throw ApiError.disabled();
        }
        if (!ACTION.equals(call.apiAction())) {
            throw ApiError.notSupported();
        }
        ApiKey key = keys.check(call.apiKey()).orElseThrow(ApiError::badKey);
        try {
            ApiAnswer answer = scoped(key, call, address);
            keys.logCall(key.id(), call.method(), address, "success");
            return answer;
        } catch (ApiError error) {
            keys.logCall(key.id(), call.method(), address, error.text());
            throw error;
        }
    }

    /** The checks after the key: its address list, the partner's access, the rate limit, the method and its scope. */
    private ApiAnswer scoped(ApiKey key, ApiCall call, String address) {
        if (!key.allowsAddress(address)) {
            // The same answer as a wrong key: a key used from elsewhere tells nothing about itself.
            throw ApiError.badKey();
        }
        long partnerId = key.partnerId();
        if (!allowed(partnerId)) {
            throw ApiError.disabled();
        }
        // The key that authenticated, not the text as typed: "KEY", " key" and "key" are one key and one bucket.
        rateLimit.take(call.apiKey().trim().toLowerCase(Locale.ROOT));
        PartnerApiMethod method = call.method() == null ? null : methods.get(call.method());
        if (method == null || !key.allowsMethod(method.name())) {
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
