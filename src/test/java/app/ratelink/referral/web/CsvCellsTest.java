package app.ratelink.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void formulasAreNeutralizedAndEveryCellQuoted() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvCells.cell("Chrome 120")).isEqualTo("\"Chrome 120\"");
        assertThat(CsvCells.cell(null)).isEqualTo("\"\"");
        assertThat(CsvCells.line("a", "b")).isEqualTo("\"a\",\"b\"\r\n");
    }
}
