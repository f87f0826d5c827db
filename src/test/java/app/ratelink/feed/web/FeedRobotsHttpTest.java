package app.ratelink.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who polls a feed, over HTTP: the operator API's robot list (a contract) and the admin page of the profile. */
class FeedRobotsHttpTest extends IntegrationTest {

    @Test
    void theRobotsOfAProfileAreListedWithTheirCounts() {
        String usd = TestCatalog.code("RU");
        String coin = TestCatalog.code("RC");
        String feed = "r" + usd.toLowerCase();
        TestCatalog catalog = new TestCatalog(operator());
        catalog.currency(usd, "Robot dollar", "USD", 2, "25000", "", "Pay");
        catalog.currency(coin, "Robot coin", "BTC", 8, "3.5", "", "Pay");
        catalog.direction(usd, coin, "65500", "1", "10", "5000", true);
        assertThat(operator().json("PUT", "/api/operator/v1/feeds/" + feed,
                "{\"name\":\"Robots\",\"directions\":[\"" + usd + "-" + coin + "\"]}").statusCode()).isEqualTo(200);

        String agent = "KursesBot/1.0 (+https://kurses.example/bot) " + feed;
        HttpResponse<byte[]> first = http().bytes("GET", "/service/export/xml/" + feed, "User-Agent", agent);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(http().bytes("GET", "/service/export/xml/" + feed, "User-Agent", agent, "If-None-Match", etag)
                .statusCode()).isEqualTo(304);
        assertThat(http().bytes("GET", "/service/export/xml/no-such-" + feed, "User-Agent", agent).statusCode())
                .isEqualTo(404);

        HttpResponse<String> list = operator().get("/api/operator/v1/feeds/" + feed + "/robots");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode robots = JsonMapper.builder().build().readTree(list.body());
        assertThat(robots.isArray()).isTrue();
        JsonNode robot = robots.get(0);
        assertThat(robots.size()).isEqualTo(1);
        assertThat(List.copyOf(robot.propertyNames())).containsExactly("address", "userAgent", "requests", "notModified",
                "bytes", "lastStatus", "firstSeen", "lastSeen");
        assertThat(robot.get("address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(robot.get("userAgent").asString()).isEqualTo(agent);
        assertThat(robot.get("requests").asLong()).isEqualTo(2);
        assertThat(robot.get("notModified").asLong()).isEqualTo(1);
        assertThat(robot.get("bytes").asLong()).isEqualTo(first.body().length);
        assertThat(robot.get("lastStatus").asInt()).isEqualTo(304);
        assertThat(robot.get("firstSeen").asString()).isNotBlank();

        assertThat(operator().get("/api/operator/v1/feeds/no-such-" + feed + "/robots").statusCode()).isEqualTo(404);
        assertThat(http().get("/api/operator/v1/feeds/" + feed + "/robots").statusCode()).isEqualTo(401);

        // A disabled profile's robot is still counted, with its 404.
        operator().json("PUT", "/api/operator/v1/feeds/" + feed, "{\"enabled\":false}");
        assertThat(http().bytes("GET", "/service/export/json/" + feed, "User-Agent", agent).statusCode()).isEqualTo(404);
        assertThat(operator().get("/api/operator/v1/feeds/" + feed + "/robots").body()).contains("\"requests\":3",
                "\"lastStatus\":404");

        HttpResponse<String> page = admin().get("/admin/feeds/" + feed);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"robots\"", "KursesBot/1.0", "/service/export/json/" + feed);
        assertThat(admin().get("/admin/feeds/no-such-" + feed).statusCode()).isEqualTo(404);
    }
}
