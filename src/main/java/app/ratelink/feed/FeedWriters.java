package app.ratelink.feed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.Fee;
import app.ratelink.money.Decimals;

/**
 * The rate files as monitorings parse them (SPEC §7). Written by hand rather than through an XML or JSON
 * library: the byte layout is the contract (golden files pin it), and the files are rebuilt only when
 * the catalogue changes, never per request.
 */
final class FeedWriters {

    static final String EREF_SCHEMA = "https://docs.bestchange.biz/schema/1.1.xsd";

    private FeedWriters() {
    }

    static String write(FeedFormat format, XmlFlavour flavour, List<FeedLine> lines) {
        return write(format, flavour, FeedCompatibility.DEFAULT, lines);
    }

    static String write(FeedFormat format, XmlFlavour flavour, FeedCompatibility options, List<FeedLine> lines) {
        return switch (format) {
            case XML -> flavour == XmlFlavour.EREF_1_1 ? eref(lines, options) : classic(lines, options);
            case JSON -> json(lines);
            case TXT -> txt(lines);
        };
    }

    static String classic(List<FeedLine> lines) {
        return classic(lines, FeedCompatibility.DEFAULT);
    }

    /**
     * BestChange classic: {@code <minamount>10 USD</minamount>}, fees with units, flags in one {@code <param>}.
     * Without {@code amountSuffix}: {@code <minamount>10</minamount>}, {@code <tofee>100</tofee>}, {@code <fromfee>0.5%</fromfee>}.
     */
    static String classic(List<FeedLine> lines, FeedCompatibility options) {
        boolean suffix = options.amountSuffix();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rates>\n");
        for (FeedLine l : lines) {
            x.append("  <item>\n");
            element(x, "from", l.from());
            element(x, "to", l.to());
            element(x, "in", plain(l.in()));
            element(x, "out", plain(l.out()));
            element(x, "amount", plain(l.amount()));
            element(x, "minamount", limit(l.min(), l.fromUnit(), suffix));
            element(x, "maxamount", limit(l.max(), l.fromUnit(), suffix));
            fee(x, "minfee", l.minFee(), l.fromUnit(), suffix);
            fee(x, "fromfee", l.fromFee(), l.fromUnit(), suffix);
            fee(x, "tofee", l.toFee(), l.toUnit(), suffix);
            param(x, l);
            if (l.city() != null) {
                element(x, "city", l.city());
            }
            x.append("  </item>\n");
        }
        return x.append("</rates>\n").toString();
    }

    static String eref(List<FeedLine> lines) {
        return eref(lines, FeedCompatibility.DEFAULT);
    }

    /**
     * EREF 1.1: limits on both sides without units, typed fees, one element per flag, legacy limits too
     * (bare without {@code amountSuffix}); with {@code legacyParam} the flags also in one {@code <param>}
     * for readers of the older files.
     */
    static String eref(List<FeedLine> lines, FeedCompatibility options) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rates xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"")
                .append(EREF_SCHEMA).append("\">\n");
        for (FeedLine l : lines) {
            x.append("  <item>\n");
            element(x, "from", l.from());
            element(x, "to", l.to());
            element(x, "in", plain(l.in()));
            element(x, "out", plain(l.out()));
            element(x, "amount", plain(l.amount()));
            element(x, "frommin", plain(l.min()));
            element(x, "frommax", plain(l.max()));
            element(x, "tomin", plain(l.toMin()));
            element(x, "tomax", plain(l.toMax()));
            element(x, "minamount", limit(l.min(), l.fromUnit(), options.amountSuffix()));
            element(x, "maxamount", limit(l.max(), l.fromUnit(), options.amountSuffix()));
            fee(x, "minfee", l.minFee(), null, false);
            fee(x, "fromfee", l.fromFee(), null, false);
            fee(x, "tofee", l.toFee(), null, false);
            for (String flag : flags(l.flags())) {
                element(x, flag, "true");
            }
            if (options.legacyParam()) {
                param(x, l);
            }
            if (l.city() != null) {
                element(x, "city", l.city());
            }
            x.append("  </item>\n");
        }
        return x.append("</rates>\n").toString();
    }

    /**
     * jsons.info exchanges-json 1.3: currencies numbered in order of first appearance, reserves as
     * strings, {@code xr} = X for a rate X:1 and −X for 1:X, cash cities gathered per pair.
     */
    static String json(List<FeedLine> lines) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        Map<String, BigDecimal> reserves = new LinkedHashMap<>();
        Map<Integer, Map<Integer, FeedLine>> pairs = new LinkedHashMap<>();
        Map<String, Set<String>> cities = new LinkedHashMap<>();
        for (FeedLine l : lines) {
            int from = ids.computeIfAbsent(l.from(), k -> ids.size() + 1);
            int to = ids.computeIfAbsent(l.to(), k -> ids.size() + 1);
            reserves.put(l.to(), l.amount());
            pairs.computeIfAbsent(from, k -> new LinkedHashMap<>()).putIfAbsent(to, l);
            if (l.city() != null) {
                cities.computeIfAbsent(from + ">" + to, k -> new LinkedHashSet<>()).add(l.city());
            }
        }
        StringBuilder j = new StringBuilder("{\"version\":\"1.3\",\"currencies\":{\"list\":{");
        String sep = "";
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            j.append(sep).append('"').append(e.getValue()).append("\":").append(string(e.getKey()));
            sep = ",";
        }
        j.append("},\"amounts\":{");
        sep = "";
        // Reserves by currency number; a currency that is only ever given has no reserve to show.
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            BigDecimal reserve = reserves.get(e.getKey());
            if (reserve != null) {
                j.append(sep).append('"').append(e.getValue()).append("\":").append(string(plain(reserve)));
                sep = ",";
            }
        }
        j.append("}},\"exchange\":{");
        String fromSep = "";
        for (Map.Entry<Integer, Map<Integer, FeedLine>> from : pairs.entrySet()) {
            j.append(fromSep).append('"').append(from.getKey()).append("\":{\"to\":{");
            String toSep = "";
            for (Map.Entry<Integer, FeedLine> to : from.getValue().entrySet()) {
                FeedLine l = to.getValue();
                BigDecimal xr = l.out().compareTo(BigDecimal.ONE) == 0 ? l.in() : l.out().negate();
                j.append(toSep).append('"').append(to.getKey()).append("\":{\"xr\":").append(plain(xr))
                        .append(",\"amount\":").append(string(plain(l.amount())))
                        .append(",\"min\":").append(string(plain(l.min())))
                        .append(",\"max\":").append(string(plain(l.max())));
                jsonFee(j, "inFee", l.fromFee());
                jsonFee(j, "outFee", l.toFee());
                List<String> flags = flags(l.flags());
                if (!flags.isEmpty()) {
                    j.append(",\"options\":{");
                    String optSep = "";
                    for (String flag : flags) {
                        j.append(optSep).append(string(flag)).append(":1");
                        optSep = ",";
                    }
                    j.append('}');
                }
                Set<String> pairCities = cities.get(from.getKey() + ">" + to.getKey());
                if (pairCities != null) {
                    j.append(",\"cities\":[");
                    String citySep = "";
                    for (String city : pairCities) {
                        j.append(citySep).append(string(city));
                        citySep = ",";
                    }
                    j.append(']');
                }
                j.append('}');
                toSep = ",";
            }
            j.append("}}");
            fromSep = ",";
        }
        return j.append("}}").toString();
    }

    /** {@code FROM;TO;IN;OUT;AMOUNT;} and {@code CITY;} for cash. */
    static String txt(List<FeedLine> lines) {
        StringBuilder t = new StringBuilder();
        for (FeedLine l : lines) {
            t.append(l.from()).append(';').append(l.to()).append(';').append(plain(l.in())).append(';')
                    .append(plain(l.out())).append(';').append(plain(l.amount())).append(';');
            if (l.city() != null) {
                t.append(l.city()).append(';');
            }
            t.append('\n');
        }
        return t.toString();
    }

    private static List<String> flags(Set<DirectionFlag> flags) {
        List<String> codes = new ArrayList<>();
        for (DirectionFlag f : DirectionFlag.values()) {
            if (flags.contains(f)) {
                codes.add(f.code());
            }
        }
        return codes;
    }

    /** {@code unit} null or not {@code withUnit}: "2" and "0.5%"; with the unit "2 USD" and "0.5 %" (classic). */
    private static void fee(StringBuilder x, String name, Fee fee, String unit, boolean withUnit) {
        if (fee == null) {
            return;
        }
        boolean classic = withUnit && unit != null;
        String value = fee.percent() ? fee.plain() + (classic ? " %" : "%") : classic ? fee.plain() + " " + unit : fee.plain();
        element(x, name, value);
    }

    private static String limit(BigDecimal amount, String unit, boolean suffix) {
        return suffix ? plain(amount) + " " + unit : plain(amount);
    }

    private static void param(StringBuilder x, FeedLine l) {
        List<String> flags = flags(l.flags());
        if (!flags.isEmpty()) {
            element(x, "param", String.join(", ", flags));
        }
    }

    /**
     * jsons.info fees (docs/adr/0006): {@code inFee} on what the client sends (in its currency), {@code outFee}
     * on what the client receives, each a string like the amounts: "2" absolute, "0.5%" a percentage.
     */
    private static void jsonFee(StringBuilder j, String name, Fee fee) {
        if (fee != null) {
            j.append(",\"").append(name).append("\":").append(string(fee.percent() ? fee.plain() + "%" : fee.plain()));
        }
    }

    private static void element(StringBuilder x, String name, String value) {
        x.append("    <").append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
    }

    private static String plain(BigDecimal value) {
        return Decimals.plain(value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String string(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
