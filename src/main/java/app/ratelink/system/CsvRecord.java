package app.ratelink.system;

/**
 * The one CSV writer of every export (clicks, exchanges, orders): every cell quoted, a cell that a
 * spreadsheet would run as a formula ({@code = + - @}, or a tab / carriage return, which some spreadsheets
 * skip before such a character) gets a leading apostrophe, so an export opens as text. Fields come from
 * strangers (referrers, query strings, client e-mails and accounts). Records end with CRLF (RFC 4180).
 */
public final class CsvRecord {

    private CsvRecord() {
    }

    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    public static String of(String... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(values[i]));
        }
        return b.append("\r\n").toString();
    }
}
