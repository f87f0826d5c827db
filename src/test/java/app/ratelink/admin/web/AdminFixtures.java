package app.ratelink.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import app.ratelink.admin.AdminAccounts;
import app.ratelink.admin.AdminRole;
import app.ratelink.testing.TestHttp;

/** Admins of a role for HTTP tests: added as the owner would, logged in, first password changed. */
final class AdminFixtures {

    static final String PASSWORD = "Tr0ub4dor&3-horse";

    private AdminFixtures() {
    }

    static String email(String role) {
        return role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@admins.test";
    }

    /** A new admin of the role, logged in with its own password; its e-mail is {@code client.base()}-free. */
    static TestHttp loggedIn(AdminAccounts accounts, TestHttp client, String email, AdminRole role) {
        AdminAccounts.NewAdmin added = accounts.add(email, role);
        login(client, email, added.password());
        assertThat(client.get("/admin").headers().firstValue("Location").orElse(""))
                .endsWith("/admin/account/password");
        client.get("/admin/account/password");
        HttpResponse<String> changed = client.postForm("/admin/account/password",
                Map.of("currentPassword", added.password(), "password", PASSWORD, "passwordAgain", PASSWORD));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        assertThat(client.get("/admin").statusCode()).isEqualTo(200);
        return client;
    }

    static HttpResponse<String> login(TestHttp client, String email, String password, String... headers) {
        client.get("/admin/login");
        return client.postForm("/admin/login", Map.of("email", email, "password", password));
    }
}
