package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvRecordTest {

    @Test
    void formulasAreNeutralizedAndEveryCellQuoted() {
        assertThat(CsvRecord.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvRecord.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvRecord.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvRecord.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvRecord.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvRecord.cell("Chrome 120")).isEqualTo("\"Chrome 120\"");
        assertThat(CsvRecord.cell(null)).isEqualTo("\"\"");
        assertThat(CsvRecord.of("a", "b")).isEqualTo("\"a\",\"b\"\r\n");
    }
}
