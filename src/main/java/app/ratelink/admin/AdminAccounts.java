package app.ratelink.admin;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.partner.PasswordRules;
import app.ratelink.system.AuditTrail;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.ConflictException;
import app.ratelink.system.SqlTime;
import app.ratelink.system.Refusal;

/**
 * Administrator accounts, kept apart from partners, and the one home of the {@code admins} and
 * {@code admin_policy} statements. On the first start with no admin, an owner is created; its password comes
 * from {@code ratelink.admin.password} or is generated and printed once in the log. Every change is audited;
 * there is always at least one active owner (the last one cannot be disabled or demoted).
 * <p>
 * Refusals carry message keys of {@code i18n/admins} ({@link BadRequestException#getMessage()}), which the
 * pages resolve in the admin's language.
 */
@Service
@Order(0)
public class AdminAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AuditTrail audit;
    private final AdminSessions sessions;
    private final String email;
    private final String password;

    AdminAccounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, AuditTrail audit, AdminSessions sessions,
                  @Value("${ratelink.admin.email}") String email,
                  @Value("${ratelink.admin.password:}") String password) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.audit = audit;
        this.sessions = sessions;
        this.email = email;
        this.password = password;
    }

    /** A just-created admin and its first password, shown once. */
    public record NewAdmin(Admin admin, String password) {
    }

    /** What a login checks. */
    record Stored(long id, String email, String hash, AdminRole role, boolean disabled, boolean mustChangePassword) {
    }

    /** What every admin request checks (the account may have been disabled or changed elsewhere). */
    record State(boolean disabled, AdminRole role, boolean mustChangePassword, Instant credentialsChangedAt) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer admins = jdbc.sql("SELECT COUNT(*) FROM admins").query(Integer.class).single();
        if (admins > 0) {
            return;
        }
        String initial = password.isBlank() ? generated() : password;
        jdbc.sql("INSERT INTO admins (email, password_hash, created_at, role) VALUES (:email, :hash, :at, 'owner')")
                .param("email", normalized(email)).param("hash", encoder.encode(initial))
                .param("at", SqlTime.of(clock.instant())).update();
        if (password.isBlank()) {
            log.warn("\n\n  Admin account created: {} / {}\n  Log in at /admin/login; this password is shown only once.\n",
                    email, initial);
        } else {
            log.info("Admin account created: {} (password from ratelink.admin.password)", email);
        }
    }

    public List<Admin> all() {
        return jdbc.sql("SELECT * FROM admins ORDER BY id").query(AdminAccounts::admin).list();
    }

    public Optional<Admin> byId(long id) {
        return jdbc.sql("SELECT * FROM admins WHERE id = :id").param("id", id).query(AdminAccounts::admin).optional();
    }

    public Optional<Admin> byEmail(String email) {
        return jdbc.sql("SELECT * FROM admins WHERE email = :e").param("e", normalized(email))
                .query(AdminAccounts::admin).optional();
    }

    Optional<Stored> stored(String email) {
        return jdbc.sql("SELECT * FROM admins WHERE email = :e").param("e", normalized(email))
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
                        role(rs), rs.getBoolean("disabled"), rs.getBoolean("must_change_password")))
                .optional();
    }

    Optional<State> state(long id) {
        return jdbc.sql("SELECT disabled, role, must_change_password, credentials_changed_at FROM admins WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new State(rs.getBoolean("disabled"), role(rs), rs.getBoolean("must_change_password"),
                        SqlTime.instant(rs, "credentials_changed_at")))
                .optional();
    }

    /** Adds an admin with a generated first password that must be changed at its first login. */
    @Transactional
    public NewAdmin add(String email, AdminRole role) {
        String normalized = normalized(email);
        if (normalized.length() > 254 || !normalized.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")) {
            throw new BadRequestException("email", Refusal.of("admins.error.email", "Enter a valid e-mail address."));
        }
        String first = generated();
        try {
            jdbc.sql("""
                    INSERT INTO admins (email, password_hash, created_at, role, must_change_password)
                    VALUES (:email, :hash, :at, :role, TRUE)""")
                    .param("email", normalized).param("hash", encoder.encode(first))
                    .param("at", SqlTime.of(clock.instant())).param("role", role.code()).update();
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("email", Refusal.of("admins.error.taken", "There is already an admin with this e-mail."));
        }
        Admin admin = byEmail(normalized).orElseThrow();
        audit.record("admin.create", "admin " + normalized, Map.of(), Map.of("role", role.code()));
        return new NewAdmin(admin, first);
    }

    /** A new role ends the admin's sessions: its next request logs in with the new rights. */
    @Transactional
    public void changeRole(long id, AdminRole role) {
        Admin admin = byId(id).orElseThrow(() -> new BadRequestException("id", Refusal.of("admins.error.unknown", "No such admin.")));
        if (admin.role() == role) {
            return;
        }
        if (admin.role() == AdminRole.OWNER && !admin.disabled() && activeOwners() <= 1) {
            throw new ConflictException(Refusal.of("admins.error.lastOwner",
                    "There must always be an active owner: make another admin owner first."));
        }
        jdbc.sql("UPDATE admins SET role = :role, credentials_changed_at = :at WHERE id = :id")
                .param("role", role.code()).param("at", SqlTime.of(clock.instant())).param("id", id).update();
        sessions.endAll(id);
        audit.record("admin.role", "admin " + admin.email(), Map.of("role", admin.role().code()),
                Map.of("role", role.code()));
    }

    @Transactional
    public void setDisabled(long id, boolean disabled) {
        Admin admin = byId(id).orElseThrow(() -> new BadRequestException("id", Refusal.of("admins.error.unknown", "No such admin.")));
        if (admin.disabled() == disabled) {
            return;
        }
        if (disabled && admin.role() == AdminRole.OWNER && activeOwners() <= 1) {
            throw new ConflictException(Refusal.of("admins.error.lastOwner",
                    "There must always be an active owner: make another admin owner first."));
        }
        jdbc.sql("UPDATE admins SET disabled = :d WHERE id = :id").param("d", disabled).param("id", id).update();
        if (disabled) {
            sessions.endAll(id);
        }
        audit.record(disabled ? "admin.disable" : "admin.enable", "admin " + admin.email(),
                Map.of("disabled", admin.disabled()), Map.of("disabled", disabled));
    }

    /**
     * The admin's own change of password: the current one first, then the rules. The session that made the
     * change ({@code keepSession}) stays; the admin's other sessions end.
     */
    @Transactional
    public void changePassword(long id, String current, String next, String keepSession) {
        Admin admin = byId(id).orElseThrow();
        String hash = jdbc.sql("SELECT password_hash FROM admins WHERE id = :id").param("id", id)
                .query(String.class).single();
        if (!matches(current, hash)) {
            throw new BadRequestException("currentPassword", Refusal.of("admins.error.currentPassword", "The current password is not right."));
        }
        if (matches(next, hash)) {
            throw new BadRequestException("password", Refusal.of("admins.error.samePassword", "Choose a password different from the current one."));
        }
        PasswordRules.problem(next, admin.email()).ifPresent(p -> {
            throw new BadRequestException("password", p);
        });
        storePassword(id, next, false);
        sessions.endOthers(id, keepSession);
        audit.record("admin.password", "admin " + admin.email(), Map.of(), Map.of());
    }

    /** A password set through a mailed reset link: every session of the admin ends. */
    @Transactional
    public void resetPassword(long id, String next) {
        Admin admin = byId(id).orElseThrow();
        PasswordRules.problem(next, admin.email()).ifPresent(p -> {
            throw new BadRequestException("password", p);
        });
        storePassword(id, next, false);
        sessions.endAll(id);
        audit.record("admin.password.reset", "admin " + admin.email(), Map.of(), Map.of());
    }

    /**
     * The server command's reset ({@code --reset-admin=EMAIL}): a new one-time password, to be changed at the
     * next login; the account is enabled again and every session ends. Empty when there is no such admin.
     */
    @Transactional
    public Optional<String> resetToOneTimePassword(String email) {
        Optional<Admin> admin = byEmail(email);
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        String oneTime = generated();
        storePassword(admin.get().id(), oneTime, true);
        jdbc.sql("UPDATE admins SET disabled = FALSE WHERE id = :id").param("id", admin.get().id()).update();
        sessions.endAll(admin.get().id());
        audit.record("admin.password.command", "admin " + admin.get().email(),
                Map.of("disabled", admin.get().disabled()), Map.of("disabled", false));
        return Optional.of(oneTime);
    }

    /** Hashes from an older algorithm or cost are redone at login. */
    void upgrade(Stored account, String password) {
        if (encoder.upgradeEncoding(account.hash())) {
            jdbc.sql("UPDATE admins SET password_hash = :hash WHERE id = :id AND password_hash = :old")
                    .param("hash", encoder.encode(password)).param("id", account.id()).param("old", account.hash())
                    .update();
        }
    }

    public boolean twoFactorRequired() {
        return jdbc.sql("SELECT two_factor_required FROM admin_policy WHERE id = 1").query(Boolean.class).optional()
                .orElse(false);
    }

    @Transactional
    public void requireTwoFactor(boolean required) {
        boolean before = twoFactorRequired();
        if (before == required) {
            return;
        }
        jdbc.sql("UPDATE admin_policy SET two_factor_required = :r WHERE id = 1").param("r", required).update();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("twoFactorRequired", before);
        audit.record("admin.policy", "admins", was, Map.of("twoFactorRequired", required));
    }

    boolean matches(String password, String hash) {
        try {
            return password != null && encoder.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void storePassword(long id, String password, boolean mustChange) {
        jdbc.sql("""
                UPDATE admins SET password_hash = :hash, must_change_password = :must, credentials_changed_at = :at
                WHERE id = :id""")
                .param("hash", encoder.encode(password)).param("must", mustChange)
                .param("at", SqlTime.of(clock.instant())).param("id", id).update();
    }

    private int activeOwners() {
        return jdbc.sql("SELECT COUNT(*) FROM admins WHERE role = 'owner' AND disabled = FALSE")
                .query(Integer.class).single();
    }

    private static Admin admin(ResultSet rs, int row) throws SQLException {
        return new Admin(rs.getLong("id"), rs.getString("email"), role(rs), rs.getBoolean("disabled"),
                rs.getBoolean("must_change_password"), SqlTime.instant(rs, "created_at"));
    }

    private static AdminRole role(ResultSet rs) throws SQLException {
        return AdminRole.of(rs.getString("role")).orElse(AdminRole.SUPPORT);
    }

    static String normalized(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** 16 characters of 57 (about 93 bits), without look-alikes: typed by hand from the screen once. */
    static String generated() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return s.toString();
    }
}
