package app.ratelink.admin;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import app.ratelink.system.AuditTrail;
import app.ratelink.system.Settings;

/**
 * The context of {@link AdminResetCommand}: the database with its migrations, the admin accounts and the
 * audit trail, nothing of the web application. Deliberately not a {@code @Configuration}: the application's
 * component scan must not find it (it would register these beans twice).
 */
@EnableAutoConfiguration
@Import({AdminResetContext.Shared.class, AdminResetContext.Encoder.class, AdminAccounts.class, AdminSessions.class,
        AdminResetCommand.class, AuditTrail.class, Settings.class})
public class AdminResetContext {

    /** The shared clock, package-private in system: imported by name. */
    static final class Shared implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {"app.ratelink.system.ClockConfiguration"};
        }
    }

    /** The same self-describing hashes as the site's (system.PublicSecurity), without its security chain. */
    static final class Encoder {
        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }
    }
}
