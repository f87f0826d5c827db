package app.ratelink.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * The cabinet's forms that ask for the current password: the e-mail change does not tell whether an address
 * is registered, and guessing the current password is throttled like a login, in both forms.
 */
class CabinetPasswordCheckHttpTest extends IntegrationTest {

    @Autowired
    Partners partners;

    private static HttpResponse<String> changeEmail(TestHttp cabinet, String password, String newEmail) {
        cabinet.get("/account/profile");
        return cabinet.postForm("/account/profile/email", Map.of("currentPassword", password, "newEmail", newEmail));
    }

    @Test
    void theEmailChangeAnswersTheSameForARegisteredAddress() {
        Partner partner = PartnerFixtures.partner(partners);
        Partner other = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        HttpResponse<String> free = changeEmail(cabinet, PartnerFixtures.PASSWORD, PartnerFixtures.uniqueEmail("free"));
        HttpResponse<String> taken = changeEmail(cabinet, PartnerFixtures.PASSWORD, other.email());
        assertThat(taken.statusCode()).isEqualTo(free.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location")).isEqualTo(free.headers().firstValue("Location"));
        String page = cabinet.follow(taken).body();
        assertThat(page).doesNotContain("Another account").contains("We sent a confirmation link to " + other.email());
        assertThat(partners.byId(other.id()).orElseThrow().email()).isEqualTo(other.email());
        assertThat(partners.byId(partner.id()).orElseThrow().email()).isEqualTo(partner.email());
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledInEveryForm() {
        Partner partner = PartnerFixtures.partner(partners);
        TestHttp cabinet = PartnerFixtures.login(http(), partner.email());
        String last = "";
        for (int i = 0; i < 8 && !last.contains("Too many failed attempts"); i++) {
            last = changeEmail(cabinet, "guess " + i, PartnerFixtures.uniqueEmail("g")).body();
        }
        assertThat(last).contains("Too many failed attempts");
        // The right password now waits too, in the e-mail form and in the password form.
        assertThat(changeEmail(cabinet, PartnerFixtures.PASSWORD, PartnerFixtures.uniqueEmail("h")).body())
                .contains("Too many failed attempts");
        cabinet.get("/account/profile");
        HttpResponse<String> password = cabinet.postForm("/account/profile/password", Map.of(
                "currentPassword", PartnerFixtures.PASSWORD, "newPassword", "another horse battery",
                "newPasswordAgain", "another horse battery"));
        assertThat(password.statusCode()).isEqualTo(200);
        assertThat(password.body()).contains("Too many failed attempts");
    }
}
