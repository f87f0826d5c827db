package app.ratelink.partner;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the first start with demo data and no partner yet, a confirmed demo partner, its password printed once
 * (like the admin's), so a newcomer can open the cabinet, see a partner link and create an API key at once.
 */
@Component
@Order(11)
class DemoPartner implements ApplicationRunner {

    static final String EMAIL = "partner@ratelink.local";
    private static final Logger log = LoggerFactory.getLogger(DemoPartner.class);

    private final Partners partners;
    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoPartner(Partners partners, JdbcClient jdbc, @Value("${ratelink.demo-data:false}") boolean enabled) {
        this.partners = partners;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("SELECT COUNT(*) FROM partners").query(Integer.class).single() > 0) {
            return;
        }
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        String password = "demo-" + HexFormat.of().formatHex(bytes);
        Partner partner = partners.createConfirmed(EMAIL, password);
        log.warn("\n\n  Demo partner created: {} / {}\n  Log in at /login; partner link {}; this password is shown only once.\n",
                EMAIL, password, partners.link(partner));
    }
}
