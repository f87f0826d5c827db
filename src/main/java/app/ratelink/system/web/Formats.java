package app.ratelink.system.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import app.ratelink.money.Decimals;
import app.ratelink.money.Money;

/**
 * Numbers on pages in the reader's language ({@code ${@formats.number(x)}}): English pages keep the plain
 * form ({@code 1234.5}, the form monitorings and operators copy), other languages their own decimal mark and
 * digit grouping ({@code 1 234,5}). Exact: a BigDecimal is never rounded. Feeds and APIs never use this.
 */
@Component("formats")
public class Formats {

    private final MessageSource messages;

    Formats(MessageSource messages) {
        this.messages = messages;
    }

    /** A moment as date and time to the second, in the site's zone and the reader's pattern. */
    public String time(Instant at, ZoneId zone) {
        return format(at, zone, "site.format.datetime");
    }

    /** A moment to the minute. */
    public String minutes(Instant at, ZoneId zone) {
        return format(at, zone, "site.format.minutes");
    }

    /** A calendar day. */
    public String date(TemporalAccessor day) {
        if (day == null) {
            return "";
        }
        return pattern("site.format.date").format(day);
    }

    private String format(Instant at, ZoneId zone, String key) {
        if (at == null) {
            return "";
        }
        return pattern(key).format(at.atZone(zone == null ? ZoneOffset.UTC : zone));
    }

    private DateTimeFormatter pattern(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofPattern(messages.getMessage(key, null, locale), locale);
    }

    public String number(Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal n;
        try {
            n = value instanceof BigDecimal b ? b : value instanceof Money m ? m.amount()
                    : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return value.toString();
        }
        return number(n, LocaleContextHolder.getLocale());
    }

    static String number(BigDecimal n, Locale locale) {
        BigDecimal plain = Decimals.normalized(n);
        if (locale == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return plain.toPlainString();
        }
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, plain.scale()));
        format.setMinimumFractionDigits(Math.max(0, plain.scale()));
        format.setGroupingUsed(plain.abs().compareTo(BigDecimal.valueOf(10000)) >= 0);
        return format.format(plain);
    }
}
