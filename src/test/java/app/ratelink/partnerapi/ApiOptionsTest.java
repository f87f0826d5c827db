package app.ratelink.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ApiOptionsTest {

    private static ApiCall call(String start, String end, String limit) {
        return new ApiCall("pp", "k", "get_links", start, end, limit, null, null);
    }

    @Test
    void absentOptionsMeanTheWholeRange() {
        ApiOptions options = ApiOptions.of(call(null, "", null));
        assertThat(options.from()).isNull();
        assertThat(options.to()).isNull();
        assertThat(options.limit()).isNull();
    }

    @Test
    void bothEndsAreInclusiveToTheLastNanosecondOfEndTime() {
        ApiOptions options = ApiOptions.of(call("1631577600", "1631577600", "5"));
        assertThat(options.from()).isEqualTo(Instant.ofEpochSecond(1631577600));
        assertThat(options.to()).isEqualTo(Instant.ofEpochSecond(1631577600, 999_999_999));
        assertThat(options.limit()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc        |           |    | Invalid parameter: start_time",
            "1.5        |           |    | Invalid parameter: start_time",
            "-1         |           |    | Invalid parameter: start_time",
            "           | 12e3      |    | Invalid parameter: end_time",
            "200        | 100       |    | Invalid parameter: start_time",
            "           |           | 0  | Invalid parameter: limit",
            "           |           | x  | Invalid parameter: limit",
            "9999999999999 |        |    | Invalid parameter: start_time"})
    void badOptionsAreRefusedByName(String start, String end, String limit, String text) {
        assertThatThrownBy(() -> ApiOptions.of(call(start, end, limit)))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.text()).isEqualTo(text);
                    assertThat(e.httpStatus()).isEqualTo(200);
                });
    }
}
