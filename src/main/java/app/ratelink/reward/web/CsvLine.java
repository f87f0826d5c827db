package app.ratelink.reward.web;

/**
 * One CSV record, every cell quoted; a cell that a spreadsheet would run as a formula ({@code = + - @},
 * tab, carriage return first) gets a leading apostrophe, so an export opens as text.
 */
final class CsvLine {

    private CsvLine() {
    }

    static String of(String... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = values[i] == null ? "" : values[i];
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            b.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return b.append("\r\n").toString();
    }
}
