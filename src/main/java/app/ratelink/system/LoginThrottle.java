package app.ratelink.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address, with a wait that doubles with every
 * further failure. Kept in the database so all nodes count together. The account key is the e-mail as
 * typed, whether or not such an account exists, so the throttle never tells which addresses are registered.
 * One throttle for every login (partners, admins, second-factor codes), each {@link Realm} counting its
 * accounts apart; the address count is shared, so a robot guessing at both logins meets one limit.
 */
@Component
public class LoginThrottle {

    /** Whose accounts are counted: a partner and an admin with one e-mail address never share a count. */
    public enum Realm {
        PARTNER("account:"), ADMIN("admin:"), SECOND_FACTOR("code:");

        final String prefix;

        Realm(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Failures allowed before the first wait: a person mistyping gets a few tries, a robot does not. */
    public static final int FREE_PER_ACCOUNT = 5;
    public static final int FREE_PER_ADDRESS = 20;
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(30);
    /** Failures older than this (and not blocking) are forgotten: the next failure counts from one. */
    public static final Duration MEMORY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    public LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long this partner login must still wait; empty when it may proceed. */
    public Optional<Duration> wait(String email, String address) {
        return wait(Realm.PARTNER, email, address);
    }

    public void failed(String email, String address) {
        failed(Realm.PARTNER, email, address);
    }

    public void succeeded(String email) {
        succeeded(Realm.PARTNER, email);
    }

    /** How long this attempt must still wait; empty when it may proceed. */
    public Optional<Duration> wait(Realm realm, String email, String address) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT blocked_until FROM login_throttle
                WHERE subject IN (:account, :address) AND blocked_until > :now""")
                .param("account", account(realm, email)).param("address", address(address)).param("now", SqlTime.of(now))
                .query((rs, n) -> SqlTime.instant(rs, "blocked_until")).list().stream()
                .max(Instant::compareTo).map(until -> Duration.between(now, until));
    }

    public void failed(Realm realm, String email, String address) {
        count(account(realm, email), FREE_PER_ACCOUNT);
        count(address(address), FREE_PER_ADDRESS);
    }

    /**
     * The cabinet's current-password checks (password and e-mail change) count against the account like a
     * login does: a stolen session cannot guess the password at leisure.
     */
    public Optional<Duration> waitForAccount(String email) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM login_throttle WHERE subject = :account AND blocked_until > :now")
                .param("account", account(Realm.PARTNER, email)).param("now", SqlTime.of(now))
                .query((rs, n) -> SqlTime.instant(rs, "blocked_until")).optional()
                .map(until -> Duration.between(now, until));
    }

    public void failedForAccount(String email) {
        count(account(Realm.PARTNER, email), FREE_PER_ACCOUNT);
    }

    /** A right password clears the account's count; the address keeps its own (it may be guessing others). */
    public void succeeded(Realm realm, String email) {
        jdbc.sql("DELETE FROM login_throttle WHERE subject = :s").param("s", account(realm, email)).update();
    }

    public static Duration waitAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 16);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void count(String subject, int free) {
        Instant now = clock.instant();
        // One atomic increment, so parallel guesses cannot slip past the count.
        int updated = jdbc.sql("""
                UPDATE login_throttle SET failures = CASE
                    WHEN last_failure_at < :forgotten AND (blocked_until IS NULL OR blocked_until < :now) THEN 1
                    ELSE failures + 1 END,
                  last_failure_at = :now
                WHERE subject = :s""")
                .param("forgotten", SqlTime.of(now.minus(MEMORY))).param("now", SqlTime.of(now)).param("s", subject)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO login_throttle (subject, failures, last_failure_at) VALUES (:s, 1, :now)")
                        .param("s", subject).param("now", SqlTime.of(now)).update();
            } catch (DuplicateKeyException e) {
                count(subject, free);
                return;
            }
        }
        int failures = jdbc.sql("SELECT failures FROM login_throttle WHERE subject = :s").param("s", subject)
                .query(Integer.class).single();
        Duration wait = waitAfter(failures, free);
        if (!wait.isZero()) {
            jdbc.sql("UPDATE login_throttle SET blocked_until = :until WHERE subject = :s")
                    .param("until", SqlTime.of(now.plus(wait))).param("s", subject).update();
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetOld() {
        Instant now = clock.instant();
        jdbc.sql("""
                DELETE FROM login_throttle WHERE last_failure_at < :forgotten
                AND (blocked_until IS NULL OR blocked_until < :now)""")
                .param("forgotten", SqlTime.of(now.minus(LONGEST_WAIT.plus(MEMORY)))).param("now", SqlTime.of(now))
                .update();
    }

    private static String account(Realm realm, String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        return realm.prefix + (normalized.length() > 280 ? normalized.substring(0, 280) : normalized);
    }

    private static String address(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }
}
