package app.ratelink.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.apikey.ApiKeys;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** Cabinet → API keys writes a key's times in the site's zone as the reader's language writes them (issue 17). */
class ApiKeyTimesHttpTest extends IntegrationTest {

    @Autowired ApiKeys keys;
    @Autowired Partners partners;
    @Autowired Settings settings;

    @Test
    void theCreatedTimeFollowsTheLanguage() {
        Partner partner = PartnerFixtures.partner(partners);
        keys.create(partner.id());
        Instant created = keys.list(partner.id()).get(0).createdAt();
        String en = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(settings.zone()).format(created);
        String ru = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(settings.zone()).format(created);

        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        assertThat(cabinet.get("/account/api?lang=en").body()).contains(">" + en + "<");
        String russian = cabinet.get("/account/api?lang=ru").body();
        assertThat(russian).contains("<html lang=\"ru\"").contains(">" + ru + "<").doesNotContain(">" + en + "<");
        cabinet.get("/account/api?lang=en");
    }
}
