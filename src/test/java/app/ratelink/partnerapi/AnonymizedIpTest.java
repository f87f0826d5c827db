package app.ratelink.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnonymizedIpTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.2.3.4                         | 1.2.3.0",
            "203.0.113.250                   | 203.0.113.0",
            "2001:db8:85a3:8d3:1319:8a2e:370:7348 | 2001:db8:85a3::",
            "::1                             | 0:0:0::",
            "::ffff:10.1.2.3                 | 10.1.2.0",
            "''                              | 0.0.0.0",
            "example.com                     | 0.0.0.0",
            "not:an:ip:zz                    | 0.0.0.0"})
    void keepsTheNetworkOnly(String ip, String anonymized) {
        assertThat(AnonymizedIp.of(ip)).isEqualTo(anonymized);
    }
}
