package app.ratelink.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;

/** The operator's working hours (setting manualHours) take manual directions out of every format at once. */
class FeedManualHoursHttpTest extends IntegrationTest {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Autowired
    Settings settings;

    @Autowired
    Clock clock;

    String usd;
    String coin;
    String rub;
    String feed;

    @BeforeEach
    void aManualAndAnAutomaticDirection() {
        usd = TestCatalog.code("MU");
        coin = TestCatalog.code("MC");
        rub = TestCatalog.code("MR");
        feed = "m" + usd.toLowerCase();
        TestCatalog catalog = new TestCatalog(operator());
        catalog.currency(usd, "Hours dollar", "USD", 2, "25000", "", "Pay");
        catalog.currency(coin, "Hours coin", "BTC", 8, "3.5", "", "Pay");
        catalog.currency(rub, "Hours rouble", "RUB", 2, "900000", "", "Pay");
        catalog.direction(usd, coin, "65500", "1", "10", "5000", true);
        HttpResponse<String> automatic = operator().json("PUT", "/api/operator/v1/directions/" + usd + "/" + rub, """
                {"in":1,"out":90,"minAmount":10,"maxAmount":5000,"profitPercent":2,"flags":[],"cities":[],"active":true}""");
        assertThat(automatic.statusCode()).as(automatic.body()).isEqualTo(200);
        HttpResponse<String> put = operator().json("PUT", "/api/operator/v1/feeds/" + feed, """
                {"name":"Hours","enabled":true,"xmlFlavour":"eref-1.1","directions":["%s-%s","%s-%s"]}"""
                .formatted(usd, coin, usd, rub));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    @AfterEach
    void alwaysListed() {
        settings.update(Map.of(Setting.MANUAL_HOURS, "", Setting.TIME_ZONE, "UTC"));
    }

    String body(String format) {
        HttpResponse<String> r = http().get("/service/export/" + format + "/" + feed);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    String window(int fromHours, int toHours) {
        LocalTime now = clock.instant().atOffset(ZoneOffset.UTC).toLocalTime();
        return now.plusHours(fromHours).format(HH_MM) + "-" + now.plusHours(toHours).format(HH_MM);
    }

    @Test
    void outsideTheHoursTheManualDirectionLeavesEveryFormatAndComesBackInside() {
        assertThat(body("txt")).contains(usd + ";" + coin + ";", usd + ";" + rub + ";");
        String before = http().get("/service/export/xml/" + feed).headers().firstValue("ETag").orElseThrow();

        settings.update(Map.of(Setting.TIME_ZONE, "UTC", Setting.MANUAL_HOURS, window(2, 3)));
        assertThat(body("txt")).doesNotContain(usd + ";" + coin + ";").contains(usd + ";" + rub + ";");
        assertThat(body("xml")).doesNotContain("<to>" + coin + "</to>", "<manual>true</manual>")
                .contains("<to>" + rub + "</to>");
        assertThat(body("json")).doesNotContain("\"" + coin + "\"").contains("\"" + rub + "\"");
        HttpResponse<String> closed = http().get("/service/export/xml/" + feed);
        assertThat(closed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);

        settings.update(Map.of(Setting.MANUAL_HOURS, window(-1, 1)));
        assertThat(body("txt")).contains(usd + ";" + coin + ";", usd + ";" + rub + ";");
        assertThat(body("xml")).contains("<manual>true</manual>");
        HttpResponse<String> open = http().get("/service/export/xml/" + feed);
        assertThat(open.headers().firstValue("ETag")).contains(before);
        // The file changed back after the closed one was served: the date moved on, so a client that
        // kept the closed file and its date is not told it is current.
        assertThat(http().get("/service/export/xml/" + feed, "If-Modified-Since",
                closed.headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(200);
    }

    @Test
    void theSettingRefusesWhatIsNotAWindow() {
        HttpResponse<String> bad = operator().json("PUT", "/api/operator/v1/settings", "{\"manualHours\":\"9 to 5\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("manualHours");
    }
}
