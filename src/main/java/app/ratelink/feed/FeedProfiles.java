package app.ratelink.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.CurrencyChange;
import app.ratelink.partner.Partners;
import app.ratelink.system.AuditTrail;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.SqlTime;
import app.ratelink.system.Refusal;

/** The operator's feed profiles, one per monitoring. */
@Service
public class FeedProfiles {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Catalog catalog;
    private final Partners partners;
    private final AuditTrail audit;

    FeedProfiles(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, Catalog catalog, Partners partners,
                 AuditTrail audit) {
        this.catalog = catalog;
        this.partners = partners;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public List<FeedProfile> all() {
        return jdbc.sql("SELECT * FROM feed_profiles ORDER BY code").query(FeedProfiles::profile).list();
    }

    public Optional<FeedProfile> byCode(String code) {
        return jdbc.sql("SELECT * FROM feed_profiles WHERE code = :code").param("code", code)
                .query(FeedProfiles::profile).optional();
    }

    /**
     * The edit a form or the operator API asks for; null fields keep the stored (or default) value.
     * {@code partnerId} 0 removes the partner.
     */
    public record Change(String name, Boolean enabled, String xmlFlavour, List<String> directions, Map<String, String> aliases,
                         String contentType, Boolean amountSuffix, Boolean legacyParam, Long partnerId) {

        public Change(String name, Boolean enabled, String xmlFlavour, List<String> directions, Map<String, String> aliases) {
            this(name, enabled, xmlFlavour, directions, aliases, null, null, null, null);
        }
    }

    /** Creates or updates a profile; a bad field is refused with its name and nothing changes. */
    @Transactional
    public FeedProfile save(String code, Change change) {
        if (code == null || !FeedProfile.CODE.matcher(code).matches()) {
            throw new BadRequestException("code", Refusal.of("refusal.feed.code",
                    "Feed code must be 1–32 characters of a–z, 0–9, _ or -"));
        }
        Optional<FeedProfile> old = byCode(code);
        String name = change.name() != null ? change.name().trim() : old.map(FeedProfile::name).orElse(code);
        if (name.isEmpty() || name.length() > 100) {
            throw new BadRequestException("name", Refusal.of("refusal.feed.name", "Name must be 1–100 characters"));
        }
        boolean enabled = change.enabled() != null ? change.enabled() : old.map(FeedProfile::enabled).orElse(true);
        XmlFlavour flavour = change.xmlFlavour() == null ? old.map(FeedProfile::xmlFlavour).orElse(XmlFlavour.CLASSIC)
                : XmlFlavour.of(change.xmlFlavour()).orElseThrow(() ->
                        new BadRequestException("xmlFlavour",
                                Refusal.of("refusal.feed.xmlFlavour", "xmlFlavour must be classic or eref-1.1")));
        List<String> directions = change.directions() != null ? directions(change.directions())
                : old.map(FeedProfile::directions).orElse(List.of());
        Map<String, String> aliases = change.aliases() != null ? aliases(change.aliases())
                : old.map(FeedProfile::aliases).orElse(Map.of());
        if (change.aliases() != null) {
            landOnAliases(aliases);
        }
        FeedCompatibility was = old.map(FeedProfile::compatibility).orElse(FeedCompatibility.DEFAULT);
        String contentType = change.contentType() == null ? was.contentType()
                : FeedCompatibility.xmlContentType(change.contentType()).orElseThrow(() -> new BadRequestException(
                        "contentType", Refusal.of("refusal.feed.contentType",
                                "contentType must be one of " + String.join(", ", FeedCompatibility.XML_CONTENT_TYPES))));
        FeedCompatibility compatibility = new FeedCompatibility(contentType,
                change.amountSuffix() != null ? change.amountSuffix() : was.amountSuffix(),
                change.legacyParam() != null ? change.legacyParam() : was.legacyParam());
        Long partnerId = change.partnerId() == null ? old.map(FeedProfile::partnerId).orElse(null)
                : change.partnerId() == 0 ? null : change.partnerId();
        if (partnerId != null && partners.byId(partnerId).isEmpty()) {
            throw new BadRequestException("partnerId", Refusal.of("refusal.feed.partner", "No partner " + partnerId,
                    String.valueOf(partnerId)));
        }
        String directionsText = String.join(",", directions);
        String aliasesText = String.join(",", aliases.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (directionsText.length() > 8000 || aliasesText.length() > 2000) {
            throw new BadRequestException("directions", Refusal.of("refusal.feed.tooMany", "Too many directions or aliases"));
        }
        var at = SqlTime.of(clock.instant());
        int updated = jdbc.sql("""
                UPDATE feed_profiles SET name = :name, enabled = :enabled, xml_flavour = :flavour, directions = :directions,
                       aliases = :aliases, content_type = :contentType, amount_suffix = :amountSuffix,
                       legacy_param = :legacyParam, partner_id = :partner, updated_at = :at WHERE code = :code""")
                .param("name", name).param("enabled", enabled).param("flavour", flavour.code())
                .param("directions", directionsText).param("aliases", aliasesText)
                .param("contentType", compatibility.contentType()).param("amountSuffix", compatibility.amountSuffix())
                .param("legacyParam", compatibility.legacyParam()).param("partner", partnerId)
                .param("at", at).param("code", code).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO feed_profiles (code, name, enabled, xml_flavour, directions, aliases, content_type,
                                               amount_suffix, legacy_param, partner_id, updated_at)
                    VALUES (:code, :name, :enabled, :flavour, :directions, :aliases, :contentType, :amountSuffix,
                            :legacyParam, :partner, :at)""")
                    .param("name", name).param("enabled", enabled).param("flavour", flavour.code())
                    .param("directions", directionsText).param("aliases", aliasesText)
                    .param("contentType", compatibility.contentType()).param("amountSuffix", compatibility.amountSuffix())
                    .param("legacyParam", compatibility.legacyParam()).param("partner", partnerId)
                    .param("at", at).param("code", code).update();
        }
        jdbc.sql("UPDATE feed_revision SET revision = revision + 1 WHERE id = 1").update();
        FeedProfile saved = byCode(code).orElseThrow();
        audit.record(old.isEmpty() ? "feed.create" : "feed.update", "feed " + code,
                old.map(FeedProfiles::audited).orElse(Map.of()), audited(saved));
        events.publishEvent(new FeedProfileChanged(code));
        return saved;
    }

    /**
     * A monitoring sends its clients with its own codes ({@code ?cur_from=USDX}): every alias a profile
     * publishes becomes an alias of the currency in the catalogue (currency_aliases), which the landing
     * resolves. An alias that already names another currency is refused, as the catalogue refuses it.
     */
    private void landOnAliases(Map<String, String> aliases) {
        aliases.forEach((code, alias) -> {
            Currency currency = catalog.currency(code).orElseThrow(() ->
                    new BadRequestException("aliases", Refusal.of("refusal.feed.aliasCurrency",
                            "Aliases need a currency of the catalogue: " + code, code)));
            if (!alias.equals(code) && !currency.aliases().contains(alias)) {
                List<String> all = new ArrayList<>(currency.aliases());
                all.add(alias);
                try {
                    catalog.saveCurrency(code, new CurrencyChange(null, null, null, null, null, null, null, null, null,
                            null, all));
                } catch (BadRequestException e) {
                    throw new BadRequestException("aliases", e.refusal());
                }
            }
        });
    }

    private static List<String> directions(List<String> pairs) {
        return pairs.stream().map(p -> p.trim().toUpperCase(Locale.ROOT)).filter(p -> !p.isEmpty()).distinct()
                .peek(p -> {
                    String[] sides = p.split("-");
                    if (sides.length != 2 || !Currency.CODE.matcher(sides[0]).matches() || !Currency.CODE.matcher(sides[1]).matches()) {
                        throw new BadRequestException("directions", Refusal.of("refusal.feed.directions",
                                "Directions are FROM-TO pairs of currency codes: " + p, p));
                    }
                }).sorted().toList();
    }

    private static Map<String, String> aliases(Map<String, String> aliases) {
        Map<String, String> clean = new LinkedHashMap<>();
        aliases.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String code = e.getKey().trim().toUpperCase(Locale.ROOT);
            String alias = e.getValue() == null ? "" : e.getValue().trim().toUpperCase(Locale.ROOT);
            if (!Currency.CODE.matcher(code).matches() || !alias.matches("[A-Z0-9]{2,20}")) {
                throw new BadRequestException("aliases", Refusal.of("refusal.feed.aliases",
                        "Aliases map a currency code to 2–20 letters or digits: " + code, code));
            }
            clean.put(code, alias);
        });
        return clean;
    }

    private static Map<String, Object> audited(FeedProfile p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", p.name());
        fields.put("enabled", p.enabled());
        fields.put("xmlFlavour", p.xmlFlavour().code());
        fields.put("directions", String.join(",", p.directions()));
        fields.put("aliases", String.valueOf(new java.util.TreeMap<>(p.aliases())));
        fields.put("contentType", p.compatibility().contentType());
        fields.put("amountSuffix", p.compatibility().amountSuffix());
        fields.put("legacyParam", p.compatibility().legacyParam());
        fields.put("partnerId", p.partnerId());
        return fields;
    }

    static FeedProfile profile(ResultSet rs, int row) throws SQLException {
        String directions = rs.getString("directions");
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String pair : rs.getString("aliases").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                aliases.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new FeedProfile(rs.getString("code"), rs.getString("name"), rs.getBoolean("enabled"),
                XmlFlavour.of(rs.getString("xml_flavour")).orElse(XmlFlavour.CLASSIC),
                directions.isEmpty() ? List.of() : Arrays.asList(directions.split(",")), aliases,
                SqlTime.instant(rs, "updated_at"),
                new FeedCompatibility(FeedCompatibility.xmlContentType(rs.getString("content_type"))
                        .orElse(FeedCompatibility.DEFAULT.contentType()), rs.getBoolean("amount_suffix"),
                        rs.getBoolean("legacy_param")),
                rs.getObject("partner_id") == null ? null : rs.getLong("partner_id"));
    }

    /** Grows with every profile save on any node: when it differs from the last one seen, rebuild. */
    long revision() {
        return jdbc.sql("SELECT revision FROM feed_revision WHERE id = 1").query(Long.class).single();
    }
}
