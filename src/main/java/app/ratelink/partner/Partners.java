package app.ratelink.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import app.ratelink.money.Decimals;
import app.ratelink.system.Languages;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.Settings;
import app.ratelink.system.SqlTime;
import app.ratelink.system.Refusal;

/** Partner accounts for the other features: look-ups, the partner link, and creating confirmed partners. */
@Service
public class Partners {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Settings settings;
    private final Clock clock;
    private final PartnerCodes codes = new PartnerCodes();

    Partners(JdbcClient jdbc, PasswordEncoder encoder, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Partner> byCode(String code) {
        if (code == null || code.isEmpty() || code.length() > 16) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM partners WHERE code = :code").param("code", code)
                .query(Partners::partner).optional();
    }

    public Optional<Partner> byId(long id) {
        return jdbc.sql("SELECT * FROM partners WHERE id = :id").param("id", id)
                .query(Partners::partner).optional();
    }

    public Optional<Partner> byEmail(String email) {
        return jdbc.sql("SELECT * FROM partners WHERE email = :email")
                .param("email", EmailAddresses.normalized(email)).query(Partners::partner).optional();
    }

    /** The partner link {@code {base-url}/ref/{code}/}; the base URL is the baseUrl setting or ratelink.base-url. */
    public String link(String code) {
        return settings.baseUrl() + "/ref/" + code + "/";
    }

    public String link(Partner partner) {
        return link(partner.code());
    }

    /**
     * Creates a partner that can log in at once (no confirmation mail): for operators who move partners
     * over from another script, for the demo partner, and for tests. The password must pass
     * {@link PasswordRules} (at least {@value PasswordRules#MIN_LENGTH} characters, not a common one).
     *
     * @throws BadRequestException  naming {@code email} or {@code password} when one is not acceptable
     * @throws EmailTakenException  when the address has an account already
     */
    public Partner createConfirmed(String email, String password) {
        String normalized = EmailAddresses.normalized(email);
        if (!EmailAddresses.valid(normalized)) {
            throw new BadRequestException("email", Refusal.of("cabinet.refusal.email", "Not a valid e-mail address"));
        }
        PasswordRules.problem(password, normalized).ifPresent(p -> {
            throw new BadRequestException("password", p);
        });
        return byId(insert(normalized, encoder.encode(password), true)).orElseThrow();
    }

    /** Inserts an account with a fresh random code, drawing again on the rare code collision. */
    long insert(String normalizedEmail, String passwordHash, boolean confirmed) {
        if (byEmail(normalizedEmail).isPresent()) {
            throw new EmailTakenException();
        }
        for (int attempt = 0; ; attempt++) {
            if (attempt > 10) {
                throw new IllegalStateException("No free partner code after " + attempt + " draws");
            }
            String code = codes.next();
            if (byCode(code).isPresent()) {
                continue;
            }
            try {
                KeyHolder ids = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO partners (code, email, password_hash, confirmed, banned, notes, created_at)
                        VALUES (:code, :email, :hash, :confirmed, FALSE, '', :at)""")
                        .param("code", code).param("email", normalizedEmail).param("hash", passwordHash)
                        .param("confirmed", confirmed).param("at", SqlTime.of(clock.instant())).update(ids, "id");
                return ids.getKeyAs(Number.class).longValue();
            } catch (DuplicateKeyException e) {
                // Either the e-mail was registered a moment ago, or (once in ~10^11) the code was drawn twice.
                if (byEmail(normalizedEmail).isPresent()) {
                    throw new EmailTakenException();
                }
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** The language the partner reads (empty when never chosen: the site's default applies). */
    public Optional<Locale> language(long partnerId) {
        return jdbc.sql("SELECT language FROM partners WHERE id = :id").param("id", partnerId)
                .query((rs, n) -> Optional.ofNullable(rs.getString("language"))).optional()
                .flatMap(l -> l).flatMap(Languages::of);
    }

    /** Keeps the language the partner chose (a language the site does not speak is ignored). */
    public void chooseLanguage(long partnerId, Locale language) {
        Languages.of(language.getLanguage()).ifPresent(l -> jdbc.sql(
                        "UPDATE partners SET language = :language WHERE id = :id AND (language IS NULL OR language <> :language)")
                .param("language", l.getLanguage()).param("id", partnerId).update());
    }

    /** The partner logged in on the current request, if any. */
    /**
     * The logged-in partner's session principal, marked with or without TOTP (after enrolling, after switching
     * it off), for {@code twofactor.SecondFactor} to put back into the session.
     */
    public static Object currentPrincipal(boolean twoFactor) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PartnerPrincipal p) {
            return p.withTwoFactor(twoFactor);
        }
        throw new IllegalStateException("no partner logged in");
    }

    public static Optional<Long> currentPartnerId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof PartnerAccount account) {
            return Optional.of(account.partnerId());
        }
        return Optional.empty();
    }

    static Partner partner(ResultSet rs, int row) throws SQLException {
        return new Partner(rs.getLong("id"), rs.getString("code"), rs.getString("email"),
                rs.getBoolean("confirmed"), rs.getBoolean("banned"),
                Decimals.normalized(rs.getBigDecimal("reward_percent")), rs.getString("notes"),
                SqlTime.instant(rs, "created_at"));
    }
}
