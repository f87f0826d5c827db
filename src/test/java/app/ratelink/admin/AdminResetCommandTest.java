package app.ratelink.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import app.ratelink.RatelinkApplication;

/**
 * {@code java -jar ratelink.jar --reset-admin=EMAIL}: the same entry point as {@code main} without the
 * {@code System.exit}: prints a one-time password that must be changed, exits 0; an unknown e-mail exits 1.
 * No HTTP port is opened for it.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminResetCommandTest {

    @Test
    void printsAOneTimePasswordAndExits(CapturedOutput output) {
        String url = "jdbc:h2:mem:reset-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String[] common = {"--spring.profiles.active=test", "--spring.datasource.url=" + url,
                "--ratelink.admin.email=owner@reset.test", "--ratelink.admin.password=first-password-1"};
        assertThat(AdminResetCommand.command(new String[] {"--reset-admin=Owner@Reset.test"})).contains("Owner@Reset.test");
        assertThat(AdminResetCommand.command(new String[] {"--server.port=1"})).isEmpty();

        int code = RatelinkApplication.command(concat(common, "--reset-admin=Owner@Reset.test"));
        assertThat(code).isZero();
        String printed = output.getOut().replaceAll("(?s).*One-time password of admin owner@reset.test: (\\S+).*", "$1");
        assertThat(printed).hasSize(16);
        assertThat(output.getOut()).doesNotContain("Tomcat started on port");

        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        String hash = jdbc.sql("SELECT password_hash FROM admins WHERE email = 'owner@reset.test'").query(String.class).single();
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(printed, hash)).isTrue();
        assertThat(jdbc.sql("SELECT must_change_password FROM admins WHERE email = 'owner@reset.test'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'admin.password.command'")
                .query(Integer.class).single()).isEqualTo(1);

        assertThat(RatelinkApplication.command(concat(common, "--reset-admin=nobody@reset.test"))).isEqualTo(1);
        assertThat(output.getOut()).contains("No admin with the e-mail nobody@reset.test");
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }
}
