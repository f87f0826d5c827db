package app.ratelink.partner;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.system.AuditTrail;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.Refusal;

/** What the operator does with partner accounts: find them, ban and unban, personal reward %, notes. */
@Service
public class PartnerAdministration {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PartnerAdministration(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private java.util.Map<String, Object> stored(long partnerId) {
        return jdbc.sql("SELECT email, banned, confirmed, reward_percent, notes FROM partners WHERE id = :id")
                .param("id", partnerId).query((rs, n) -> {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("email", rs.getString("email"));
                    m.put("banned", rs.getBoolean("banned"));
                    m.put("confirmed", rs.getBoolean("confirmed"));
                    m.put("rewardPercent", rs.getBigDecimal("reward_percent"));
                    m.put("notes", rs.getString("notes"));
                    return m;
                }).optional().orElse(new java.util.LinkedHashMap<>());
    }

    /** One audit entry per change: the partner's fields before → after. */
    private void audited(String action, long partnerId, Runnable change) {
        java.util.Map<String, Object> before = stored(partnerId);
        change.run();
        audit.record(action, "partner " + partnerId, before, stored(partnerId));
    }

    /** Newest first; {@code query} matches part of the e-mail or the code, or an exact id. */
    /** Pages past this are empty anyway; the bound keeps page * PAGE_SIZE from overflowing into a negative offset. */
    static final int MAX_PAGE = 100_000;

    public List<Partner> search(String query, int page) {
        String q = query == null ? "" : query.trim().toLowerCase();
        long id = q.matches("\\d{1,18}") ? Long.parseLong(q) : -1;
        return jdbc.sql("""
                SELECT * FROM partners
                WHERE :q = '' OR LOWER(email) LIKE :like OR LOWER(code) LIKE :like OR id = :id
                ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("q", q).param("like", "%" + q.replace("\\", "").replace("%", "").replace("_", "\\_") + "%")
                .param("id", id).param("limit", PAGE_SIZE + 1).param("offset", Math.max(0, Math.min(page, MAX_PAGE)) * PAGE_SIZE)
                .query(Partners::partner).list();
    }

    /**
     * Every partner that {@code query} matches (as {@link #search}), newest first, at most {@code max}: for
     * lists that sort all partners by a figure of another feature (balance, clicks).
     */
    public List<Partner> matching(String query, int max) {
        String q = query == null ? "" : query.trim().toLowerCase();
        long id = q.matches("\\d{1,18}") ? Long.parseLong(q) : -1;
        return jdbc.sql("""
                SELECT * FROM partners
                WHERE :q = '' OR LOWER(email) LIKE :like OR LOWER(code) LIKE :like OR id = :id
                ORDER BY id DESC LIMIT :limit""")
                .param("q", q).param("like", "%" + q.replace("\\", "").replace("%", "").replace("_", "\\_") + "%")
                .param("id", id).param("limit", max).query(Partners::partner).list();
    }

    @Transactional
    public void setBanned(long partnerId, boolean banned) {
        audited(banned ? "partner.ban" : "partner.unban", partnerId, () ->
                jdbc.sql("UPDATE partners SET banned = :banned WHERE id = :id").param("banned", banned)
                        .param("id", partnerId).update());
    }

    /** Personal reward %, 0–100; null removes it (the level table or default applies). */
    @Transactional
    public void setRewardPercent(long partnerId, BigDecimal percent) {
        if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                || percent.scale() > 4)) {
            throw new BadRequestException("rewardPercent", Refusal.of("admin.partner.percentRange",
                    "Enter a percentage from 0 to 100, at most 4 decimals."));
        }
        audited("partner.update", partnerId, () ->
                jdbc.sql("UPDATE partners SET reward_percent = :p WHERE id = :id").param("p", percent)
                        .param("id", partnerId).update());
    }

    @Transactional
    public void setNotes(long partnerId, String notes) {
        String text = notes == null ? "" : notes.strip();
        if (text.length() > 4000) {
            throw new BadRequestException("notes", Refusal.of("admin.partner.notesTooLong",
                    "Notes are limited to 4000 characters."));
        }
        audited("partner.update", partnerId, () ->
                jdbc.sql("UPDATE partners SET notes = :notes WHERE id = :id").param("notes", text)
                        .param("id", partnerId).update());
    }

    /** Confirms an account by hand (the partner lost the mail and the operator knows them). */
    @Transactional
    public void confirm(long partnerId) {
        audited("partner.confirm", partnerId, () ->
                jdbc.sql("UPDATE partners SET confirmed = TRUE WHERE id = :id").param("id", partnerId).update());
    }
}
