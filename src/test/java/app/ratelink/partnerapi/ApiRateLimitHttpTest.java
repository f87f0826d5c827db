package app.ratelink.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;

/**
 * The partner API's rate limit belongs to the key that authenticated: spelling the same key in upper case or
 * with spaces around it draws from the same bucket. And the buckets of keys no longer in use do not pile up.
 */
class ApiRateLimitHttpTest extends IntegrationTest {

    @Autowired
    Partners partners;
    @Autowired
    ApiKeys keys;
    @Autowired
    Settings settings;
    @Autowired
    ApiRateLimit limit;

    @AfterEach
    void defaultLimit() {
        settings.update(Map.of(Setting.API_RATE_LIMIT, Setting.API_RATE_LIMIT.defaultValue()));
    }

    private HttpResponse<String> call(String typedKey) {
        return http().get("/service/partner/api.php?api_action=pp&method=get_info&api_key="
                + URLEncoder.encode(typedKey, StandardCharsets.UTF_8));
    }

    @Test
    void spellingTheKeyDifferentlyGivesNoFreshAllowance() {
        String key = keys.create(PartnerFixtures.partner(partners).id()).key();
        settings.update(Map.of(Setting.API_RATE_LIMIT, "3"));
        for (int i = 0; i < 3; i++) {
            assertThat(call(key).statusCode()).isEqualTo(200);
        }
        assertThat(call(key).statusCode()).isEqualTo(429);
        // The same key, as typed by someone looking for a second bucket: still the same key, still limited.
        assertThat(call(key.toUpperCase()).statusCode()).isEqualTo(429);
        assertThat(call(" " + key + " ").statusCode()).isEqualTo(429);
        assertThat(call(key.substring(0, 20).toUpperCase() + key.substring(20)).statusCode()).isEqualTo(429);
    }

    @Test
    void bucketsOfIdleKeysAreDropped() {
        settings.update(Map.of(Setting.API_RATE_LIMIT, "1000000"));
        for (int i = 0; i < 3 * ApiRateLimit.SWEEP_AT; i++) {
            limit.take(UUID.randomUUID().toString());
        }
        assertThat(limit.size()).isLessThanOrEqualTo(ApiRateLimit.SWEEP_AT * 2);
    }
}
