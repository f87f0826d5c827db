package app.ratelink.referral.web;

/**
 * CSV cells that a spreadsheet opens as text, never as a formula: a cell starting with {@code = + - @}
 * (or a tab / carriage return, which some spreadsheets skip before such a character) gets a leading
 * apostrophe; every cell is quoted. Click fields come from strangers (referrer, query string).
 */
final class CsvCells {

    private CsvCells() {
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    static String line(String... values) {
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
