package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.admin.AdminAccounts;
import app.ratelink.admin.AdminRole;
import app.ratelink.system.MailOutbox;
import app.ratelink.testing.BehindLoopbackProxy;
import app.ratelink.testing.TestHttp;

/**
 * Who may do what in the admin: the login throttle, the roles on every admin page (GET reads, POST changes,
 * {@code /admin/admins} the owner's), the operator API's token, and the admin's sessions.
 */
class AdminAccessTest extends BehindLoopbackProxy {

    /** Every admin page a GET reads. */
    static final List<String> PAGES = List.of("/admin", "/admin/orders", "/admin/currencies", "/admin/currencies/new",
            "/admin/directions", "/admin/directions/new", "/admin/partners", "/admin/payouts", "/admin/rewards",
            "/admin/clicks", "/admin/feeds", "/admin/settings", "/admin/outbox", "/admin/audit", "/admin/account",
            "/admin/account/password", "/admin/account/two-factor", "/admin/rates", "/admin/orders.csv");
    /** Every change an admin page posts (ids that do not exist: the role check comes first). */
    static final List<String> CHANGES = List.of("/admin/settings", "/admin/currencies", "/admin/currencies/ZZZ",
            "/admin/directions", "/admin/directions/AAA/BBB", "/admin/orders/999999/status",
            "/admin/partners/999999/ban", "/admin/partners/999999/unban", "/admin/partners/999999/confirm",
            "/admin/partners/999999", "/admin/payouts/999999/pay", "/admin/payouts/999999/reject",
            "/admin/feeds", "/admin/rewards", "/admin/rates", "/admin/rates/ZZZ/accept",
            "/admin/partners/999999/adjustments", "/admin/directions/bulk");
    static final List<String> OWNER_CHANGES = List.of("/admin/admins", "/admin/admins/999999/role",
            "/admin/admins/999999/disable", "/admin/admins/999999/enable", "/admin/admins/two-factor");

    @Autowired
    AdminAccounts accounts;
    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcClient jdbc;


    @Test
    void theSixthWrongPasswordIsThrottledEvenWhenForwardedForChanges() {
        String email = AdminFixtures.email("throttled");
        String first = accounts.add(email, AdminRole.OPERATOR).password();
        TestHttp client = http();
        try {
            for (int i = 1; i <= 5; i++) {
                client.withHeader("X-Forwarded-For", "203.0.113." + i);
                HttpResponse<String> wrong = AdminFixtures.login(client, email, "wrong-password-" + i);
                assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
                assertThat(client.get("/admin/login").body()).contains("Wrong e-mail or password");
            }
            // The sixth attempt, from yet another address and with the right password, is refused unchecked.
            client.withHeader("X-Forwarded-For", "198.51.100.77");
            HttpResponse<String> right = AdminFixtures.login(client, email, first);
            assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
            assertThat(client.get("/admin/login").body()).contains("Too many failed attempts");
            assertThat(client.get("/admin").statusCode()).isEqualTo(302);
        } finally {
            jdbc.sql("DELETE FROM login_throttle WHERE subject LIKE 'ip:%'").update();
        }
    }

    @Test
    void everyRoleIsAllowedAndRefusedWhereItShouldBe() {
        TestHttp support = AdminFixtures.loggedIn(accounts, http(), AdminFixtures.email("support"), AdminRole.SUPPORT);
        TestHttp operator = AdminFixtures.loggedIn(accounts, http(), AdminFixtures.email("operator"), AdminRole.OPERATOR);
        TestHttp owner = AdminFixtures.loggedIn(accounts, http(), AdminFixtures.email("owner"), AdminRole.OWNER);

        for (String page : PAGES) {
            assertThat(support.get(page).statusCode()).as("support GET " + page).isEqualTo(200);
            assertThat(operator.get(page).statusCode()).as("operator GET " + page).isEqualTo(200);
            assertThat(owner.get(page).statusCode()).as("owner GET " + page).isEqualTo(200);
        }
        assertThat(support.get("/admin/admins").statusCode()).isEqualTo(403);
        assertThat(operator.get("/admin/admins").statusCode()).isEqualTo(403);
        assertThat(owner.get("/admin/admins").statusCode()).isEqualTo(200);

        for (String change : CHANGES) {
            support.get("/admin/account");
            assertThat(support.postForm(change, Map.of()).statusCode()).as("support POST " + change).isEqualTo(403);
            operator.get("/admin/account");
            assertThat(operator.postForm(change, Map.of()).statusCode()).as("operator POST " + change).isNotEqualTo(403);
            owner.get("/admin/account");
            assertThat(owner.postForm(change, Map.of()).statusCode()).as("owner POST " + change).isNotEqualTo(403);
        }
        for (String change : OWNER_CHANGES) {
            support.get("/admin/account");
            assertThat(support.postForm(change, Map.of()).statusCode()).as("support POST " + change).isEqualTo(403);
            operator.get("/admin/account");
            assertThat(operator.postForm(change, Map.of()).statusCode()).as("operator POST " + change).isEqualTo(403);
        }
        // A real change by each: support is refused and nothing changes; the operator's goes through.
        support.get("/admin/settings");
        assertThat(support.postForm("/admin/settings", Map.of("orderExpiryMinutes", "44")).statusCode()).isEqualTo(403);
        operator.get("/admin/settings");
        assertThat(operator.postForm("/admin/settings", Map.of("orderExpiryMinutes", "30")).statusCode()).isEqualTo(302);
        // Support still changes its own account.
        support.get("/admin/account/password");
        assertThat(support.postForm("/admin/account/password", Map.of("currentPassword", "nope", "password",
                "another-long-one-1", "passwordAgain", "another-long-one-1")).body()).contains("id=\"currentPassword-error\"");
    }

    @Test
    void theOperatorApiKeepsFullRightsWithItsTokenAndNoAdminSessionOpensIt() {
        assertThat(operator().get("/api/operator/v1/orders").statusCode()).isEqualTo(200);
        assertThat(operator().get("/api/operator/v1/audit").statusCode()).isEqualTo(200);
        assertThat(operator().json("PUT", "/api/operator/v1/settings", "{\"orderExpiryMinutes\":\"30\"}").statusCode())
                .isEqualTo(200);
        TestHttp owner = AdminFixtures.loggedIn(accounts, http(), AdminFixtures.email("owner"), AdminRole.OWNER);
        assertThat(owner.get("/api/operator/v1/orders").statusCode()).isEqualTo(401);
    }

    @Test
    void theOwnerAddsAnAdminWhoseFirstPasswordIsShownOnceAndMustBeChanged() {
        TestHttp owner = AdminFixtures.loggedIn(accounts, http(), AdminFixtures.email("owner"), AdminRole.OWNER);
        String email = AdminFixtures.email("added");
        owner.get("/admin/admins");
        HttpResponse<String> bad = owner.postForm("/admin/admins", Map.of("email", "not-an-address", "role", "operator"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"email-error\"");
        HttpResponse<String> added = owner.follow(owner.postForm("/admin/admins", Map.of("email", email, "role", "support")));
        String password = between(added.body(), "id=\"admin-password\">", "<");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(owner.get("/admin/admins").body()).doesNotContain(password).contains(email);

        TestHttp admin = http();
        AdminFixtures.login(admin, email, password);
        assertThat(admin.get("/admin/orders").headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/account/password");
        assertThat(admin.get("/admin/account/password").body()).contains("id=\"must-change\"");
        HttpResponse<String> changed = admin.postForm("/admin/account/password", Map.of("currentPassword", password,
                "password", AdminFixtures.PASSWORD, "passwordAgain", AdminFixtures.PASSWORD));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/orders").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/account").body()).contains("support");

        // The owner makes it an operator: its session ends, and its next login has the new rights.
        long id = accounts.byEmail(email).orElseThrow().id();
        owner.get("/admin/admins");
        assertThat(owner.postForm("/admin/admins/" + id + "/role", Map.of("role", "operator")).statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/orders").headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?ended");
        AdminFixtures.login(admin, email, AdminFixtures.PASSWORD);
        admin.get("/admin/settings");
        assertThat(admin.postForm("/admin/settings", Map.of()).statusCode()).isEqualTo(302);

        // Disabled: logged out and no login any more.
        owner.get("/admin/admins");
        owner.postForm("/admin/admins/" + id + "/disable", Map.of());
        assertThat(admin.get("/admin").statusCode()).isEqualTo(302);
        AdminFixtures.login(admin, email, AdminFixtures.PASSWORD);
        assertThat(admin.get("/admin/login").body()).contains("disabled");
        assertThat(admin.get("/admin").headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
    }

    @Test
    void theLastOwnerCanBeNeitherDemotedNorDisabled() {
        long owners = accounts.all().stream().filter(a -> a.role() == AdminRole.OWNER && !a.disabled()).count();
        assertThat(owners).isGreaterThanOrEqualTo(1);
        // Demote every owner but one: the last one refuses.
        List<Long> ids = accounts.all().stream().filter(a -> a.role() == AdminRole.OWNER && !a.disabled())
                .map(a -> a.id()).toList();
        try {
            for (int i = 0; i < ids.size() - 1; i++) {
                accounts.changeRole(ids.get(i), AdminRole.OPERATOR);
            }
            long last = ids.get(ids.size() - 1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.changeRole(last, AdminRole.SUPPORT))
                    .hasMessageContaining("active owner");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.setDisabled(last, true))
                    .hasMessageContaining("active owner");
        } finally {
            ids.forEach(i -> accounts.changeRole(i, AdminRole.OWNER));
        }
    }

    @Test
    void anAdminSeesItsSessionsAndEndsAny() {
        String email = AdminFixtures.email("sessions");
        TestHttp first = AdminFixtures.loggedIn(accounts, http(), email, AdminRole.SUPPORT);
        TestHttp second = http();
        AdminFixtures.login(second, email, AdminFixtures.PASSWORD);
        TestHttp third = http();
        AdminFixtures.login(third, email, AdminFixtures.PASSWORD);
        String page = first.get("/admin/account").body();
        assertThat(count(page, "data-session=")).isEqualTo(3);
        assertThat(page).contains("this session");

        String secondKey = between(second.get("/admin/account").body(), "<span class=\"badge\"", "</tr>");
        // End the second session from the first one: the form of each other session names its key.
        String key = sessionKeys(page).stream().filter(k -> !second.get("/admin/account").body()
                .contains("/admin/account/sessions/" + k + "/end")).findFirst().orElseThrow();
        assertThat(secondKey).isNotNull();
        first.get("/admin/account");
        first.postForm("/admin/account/sessions/" + key + "/end", Map.of());
        assertThat(second.get("/admin").headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?ended");
        assertThat(first.get("/admin").statusCode()).isEqualTo(200);
        assertThat(third.get("/admin").statusCode()).isEqualTo(200);

        // A password change ends the others (the third), not the session that made it.
        first.get("/admin/account/password");
        first.postForm("/admin/account/password", Map.of("currentPassword", AdminFixtures.PASSWORD,
                "password", "a-new-long-password-2", "passwordAgain", "a-new-long-password-2"));
        assertThat(first.get("/admin").statusCode()).isEqualTo(200);
        assertThat(third.get("/admin").headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?ended");
    }

    @Test
    void aLoginFromANewAddressIsMailedToTheAdmin() {
        String email = AdminFixtures.email("mailed");
        TestHttp client = http().withHeader("X-Forwarded-For", "192.0.2.10");
        AdminFixtures.loggedIn(accounts, client, email, AdminRole.SUPPORT);
        assertThat(outbox.to(email)).isEmpty();
        TestHttp again = http().withHeader("X-Forwarded-For", "192.0.2.10");
        AdminFixtures.login(again, email, AdminFixtures.PASSWORD);
        assertThat(outbox.to(email)).isEmpty();
        TestHttp elsewhere = http().withHeader("X-Forwarded-For", "192.0.2.99");
        AdminFixtures.login(elsewhere, email, AdminFixtures.PASSWORD);
        assertThat(outbox.to(email)).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("new address");
            assertThat(m.text()).contains("192.0.2.99");
        });
    }

    @Test
    void aForgottenPasswordIsResetByMail() {
        String email = AdminFixtures.email("forgot");
        AdminFixtures.loggedIn(accounts, http(), email, AdminRole.OPERATOR);
        TestHttp client = http();
        client.get("/admin/password/forgot");
        assertThat(client.postForm("/admin/password/forgot", Map.of("email", email)).statusCode()).isEqualTo(302);
        client.get("/admin/password/forgot");
        client.postForm("/admin/password/forgot", Map.of("email", "nobody-" + email));
        String text = outbox.to(email).stream().filter(m -> m.subject().contains("reset")).findFirst().orElseThrow().text();
        String token = text.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        HttpResponse<String> form = client.get("/admin/password/reset?token=" + token);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> done = client.postForm("/admin/password/reset",
                Map.of("token", token, "password", "reset-by-mail-42", "passwordAgain", "reset-by-mail-42"));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?reset");
        assertThat(client.get("/admin/password/reset?token=" + token).body()).contains("id=\"link-invalid\"");
        TestHttp fresh = http();
        AdminFixtures.login(fresh, email, "reset-by-mail-42");
        assertThat(fresh.get("/admin").statusCode()).isEqualTo(200);
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    private static List<String> sessionKeys(String page) {
        return java.util.regex.Pattern.compile("data-session=\"([^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
    }

    static String between(String text, String start, String end) {
        int i = text.indexOf(start);
        assertThat(i).as("'" + start + "' in the page").isGreaterThanOrEqualTo(0);
        int from = i + start.length();
        return text.substring(from, text.indexOf(end, from)).trim();
    }
}
