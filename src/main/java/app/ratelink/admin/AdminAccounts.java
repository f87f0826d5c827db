package app.ratelink.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import app.ratelink.system.SqlTime;

/**
 * Operator accounts, kept apart from partners. On the first start with no admin, one is created; its
 * password comes from {@code ratelink.admin.password} or is generated and printed once in the log.
 */
@Service
@Order(0)
class AdminAccounts implements UserDetailsService, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String email;
    private final String password;

    AdminAccounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock,
                  @Value("${ratelink.admin.email}") String email,
                  @Value("${ratelink.admin.password:}") String password) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer admins = jdbc.sql("SELECT COUNT(*) FROM admins").query(Integer.class).single();
        if (admins > 0) {
            return;
        }
        String initial = password.isBlank() ? generated() : password;
        jdbc.sql("INSERT INTO admins (email, password_hash, created_at) VALUES (:email, :hash, :at)")
                .param("email", email.toLowerCase()).param("hash", encoder.encode(initial))
                .param("at", SqlTime.of(clock.instant())).update();
        if (password.isBlank()) {
            log.warn("\n\n  Admin account created: {} / {}\n  Log in at /admin/login; this password is shown only once.\n",
                    email, initial);
        } else {
            log.info("Admin account created: {} (password from ratelink.admin.password)", email);
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM admins WHERE email = :email")
                .param("email", username == null ? "" : username.trim().toLowerCase())
                .query(String.class).optional();
        return hash.map(h -> User.withUsername(username.trim().toLowerCase()).password(h)
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))).build())
                .orElseThrow(() -> new UsernameNotFoundException("no admin"));
    }

    private static String generated() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
