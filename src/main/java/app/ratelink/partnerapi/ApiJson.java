package app.ratelink.partnerapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import app.ratelink.money.Decimals;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the API's JSON with its conventions in one place: amounts as plain-decimal JSON numbers
 * ({@code 241.57}, never {@code 2.4157E2}), {@code time} as unix seconds beside {@code date} in the site's
 * zone, {@code items} as an object keyed by id.
 */
public final class ApiJson {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JsonGenerator out;
    private final DateTimeFormatter date;
    private long items;

    ApiJson(JsonGenerator out, ZoneId zone) {
        this.out = out;
        this.date = DATE.withZone(zone);
    }

    public ApiJson startObject() {
        out.writeStartObject();
        return this;
    }

    public ApiJson endObject() {
        out.writeEndObject();
        return this;
    }

    /** Opens {@code "items": {}}; each item then starts with {@link #startItem}. */
    public ApiJson startItems() {
        out.writeName("items");
        out.writeStartObject();
        return this;
    }

    public ApiJson startItem(long id) {
        out.writeName(Long.toString(id));
        out.writeStartObject();
        out.writeNumberProperty("id", id);
        return this;
    }

    /** Closes an item; every thousand items the buffer goes to the client so memory stays flat. */
    public ApiJson endItem() {
        out.writeEndObject();
        if (++items % 1000 == 0) {
            out.flush();
        }
        return this;
    }

    public ApiJson number(String name, long value) {
        out.writeNumberProperty(name, value);
        return this;
    }

    public ApiJson flag(String name, boolean value) {
        out.writeNumberProperty(name, value ? 1 : 0);
        return this;
    }

    public ApiJson decimal(String name, BigDecimal value) {
        out.writeName(name);
        out.writeNumber(Decimals.plain(value == null ? BigDecimal.ZERO : value));
        return this;
    }

    public ApiJson text(String name, String value) {
        out.writeStringProperty(name, value == null ? "" : value);
        return this;
    }

    public ApiJson timeAndDate(Instant time) {
        out.writeNumberProperty("time", time.getEpochSecond());
        out.writeStringProperty("date", date.format(time));
        return this;
    }
}
