package app.ratelink.system;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The client addresses an account has logged in from, so that a login from a new one can be told to the
 * account's owner (who would otherwise never learn that someone else has the password).
 */
@Component
public class LoginAddresses {

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginAddresses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Remembers the address; true when it is new for an account that had logged in before (the very first
     * login has nothing to compare with and is not news).
     */
    public boolean remember(String subject, String address) {
        String a = address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
        boolean known = jdbc.sql("SELECT COUNT(*) FROM login_addresses WHERE subject = :s AND address = :a")
                .param("s", subject).param("a", a).query(Integer.class).single() > 0;
        if (known) {
            return false;
        }
        boolean first = jdbc.sql("SELECT COUNT(*) FROM login_addresses WHERE subject = :s")
                .param("s", subject).query(Integer.class).single() == 0;
        try {
            jdbc.sql("INSERT INTO login_addresses (subject, address, first_seen_at) VALUES (:s, :a, :at)")
                    .param("s", subject).param("a", a).param("at", SqlTime.of(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            return false;
        }
        return !first;
    }
}
