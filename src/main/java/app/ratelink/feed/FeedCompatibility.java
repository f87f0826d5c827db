package app.ratelink.feed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Format details that some monitorings' parsers cannot do without (docs/adr/0006): the exact XML
 * {@code Content-Type}, bare numbers instead of "10 USD" in limits and fees, and flags also in the older
 * {@code <param>} element of EREF files. {@link #DEFAULT} is the output every profile had before.
 *
 * @param contentType  the XML file's Content-Type, one of {@link #XML_CONTENT_TYPES}
 * @param amountSuffix the unit after limits and absolute fees ({@code <minamount>10 USD</minamount>})
 * @param legacyParam  EREF also lists the flags in one {@code <param>manual, verifying</param>}
 */
public record FeedCompatibility(String contentType, boolean amountSuffix, boolean legacyParam) {

    public static final List<String> XML_CONTENT_TYPES = List.of("application/xml;charset=utf-8", "application/xml",
            "text/xml;charset=utf-8");

    public static final FeedCompatibility DEFAULT = new FeedCompatibility(XML_CONTENT_TYPES.get(0), true, false);

    /** One of the offered Content-Types, written as offered; spaces and letter case are not told apart. */
    public static Optional<String> xmlContentType(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replace(" ", "").toLowerCase(Locale.ROOT);
        return XML_CONTENT_TYPES.stream().filter(t::equals).findFirst();
    }
}
