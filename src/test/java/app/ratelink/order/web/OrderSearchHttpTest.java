package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.ratelink.order.Order;
import app.ratelink.order.OrderClient;
import app.ratelink.order.OrderForm;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.order.Referral;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.testing.IntegrationTest;

/**
 * The operator's order search (issue 22): every parameter of {@code GET /api/operator/v1/orders} and the
 * admin page ({@code q}, {@code partnerId}, {@code from}, {@code to}, {@code status}, {@code direction}),
 * keyset paging, and the CSV export of the same selection with formula-safe cells.
 */
class OrderSearchHttpTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OrderPlacement placement;

    @Autowired
    Orders orders;

    @Autowired
    Partners partners;

    String from;
    String to;
    String other;
    String tag;
    Partner partner;
    List<Order> placed = new ArrayList<>();

    /**
     * Five orders in directions of this test's own: 0-2 from→to, 3-4 other→to; 1 and 3 referred by the
     * partner; 2 paid; every client e-mail and account unique to this run; order 4's account is a formula.
     */
    @BeforeEach
    void orders() throws InterruptedException {
        from = TestCatalog.code("SF");
        to = TestCatalog.code("ST");
        other = TestCatalog.code("SO");
        tag = UUID.randomUUID().toString().substring(0, 8);
        new TestCatalog(operator())
                .currency(from, "Search from", "USD", 2, "100000", "", "Pay")
                .currency(to, "Search to", "TOK", 2, "100000", "", "Pay")
                .currency(other, "Search other", "EUR", 2, "100000", "", "Pay")
                .direction(from, to, "1", "1", "1", "10000", true)
                .direction(other, to, "1", "1", "1", "10000", true);
        partner = PartnerFixtures.partner(partners);
        for (int i = 0; i < 5; i++) {
            String give = i < 3 ? from : other;
            String account = i == 4 ? "=HYPERLINK(\"http://evil\")" + tag : "ACC" + tag + i;
            Referral referral = i == 1 || i == 3 ? new Referral(partner.id(), null, "h" + i) : null;
            placed.add(placement.place(new OrderForm(give, to, String.valueOf(10 + i), account,
                    "Client" + i + "." + tag + "@Example.test", null), new OrderClient("192.0.2.1", "UA", "v", referral)));
            Thread.sleep(2); // distinct creation times for the period filter
        }
        orders.changeStatus(placed.get(2).id(), OrderStatus.PAID, "test", "");
    }

    JsonNode api(String query) {
        HttpResponse<String> r = operator().get("/api/operator/v1/orders?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    List<Long> ids(String query) {
        List<Long> ids = new ArrayList<>();
        api(query).forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    long id(int i) {
        return placed.get(i).id();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void qFindsAnOrderByIdPublicIdEmailOfAnyCaseAndAccount() {
        assertThat(ids("q=" + id(2))).containsExactly(id(2));
        assertThat(ids("q=" + placed.get(3).publicId())).containsExactly(id(3));
        assertThat(ids("q=" + enc("client1." + tag + "@example.TEST"))).containsExactly(id(1));
        assertThat(ids("q=" + enc(" ACC" + tag + "0 "))).containsExactly(id(0));
        assertThat(ids("q=" + enc("nobody-" + tag + "@example.test"))).isEmpty();
        assertThat(ids("q=" + "x".repeat(300))).isEmpty();
    }

    @Test
    void qFindsAnOrderByTheNumberTheClientReadsOutInAnyCaseWithOrWithoutTheDash() {
        String number = placed.get(1).number();
        assertThat(number).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(ids("q=" + number)).containsExactly(id(1));
        assertThat(ids("q=" + enc(" " + number.toLowerCase() + " "))).containsExactly(id(1));
        assertThat(ids("q=" + number.replace("-", ""))).containsExactly(id(1));
        assertThat(api("q=" + number).get(0).get("number").asString()).isEqualTo(number);
        assertThat(ids("q=" + number + "&status=paid")).isEmpty();
        String[] csv = operator().get("/api/operator/v1/orders.csv?q=" + number).body().split("\r\n");
        assertThat(csv).hasSize(2);
        assertThat(csv[1]).startsWith("\"" + id(1) + "\",").endsWith(",\"" + number + "\"");
        String page = admin().get("/admin/orders?q=" + number.toLowerCase()).body();
        assertThat(page).contains("/admin/orders/" + id(1) + "\"").contains(">" + number + "<")
                .doesNotContain("/admin/orders/" + id(0) + "\"");
    }

    @Test
    void partnerIdTakesAnIdOrAnEmail() {
        assertThat(ids("partnerId=" + partner.id())).containsExactly(id(3), id(1));
        assertThat(ids("partnerId=" + enc(partner.email().toUpperCase()))).containsExactly(id(3), id(1));
        assertThat(ids("partnerId=" + enc("none-" + tag + "@partners.test"))).isEmpty();
        assertThat(operator().get("/api/operator/v1/orders?partnerId=bob").statusCode()).isEqualTo(400);
    }

    @Test
    void directionTakesAPairOneSideOrEitherSide() {
        assertThat(ids("direction=" + from + "-" + to)).containsExactly(id(2), id(1), id(0));
        assertThat(ids("direction=" + other.toLowerCase() + "/" + to)).containsExactly(id(4), id(3));
        assertThat(ids("direction=-" + to + "&limit=1000")).startsWith(id(4), id(3), id(2), id(1), id(0));
        assertThat(ids("direction=" + other + "-")).containsExactly(id(4), id(3));
        assertThat(ids("direction=" + to)).startsWith(id(4), id(3), id(2), id(1), id(0));
        assertThat(ids("direction=" + to + "-" + from)).isEmpty();
        HttpResponse<String> bad = operator().get("/api/operator/v1/orders?direction=" + enc("a b c"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("direction");
    }

    @Test
    void statusAndPeriodFilter() {
        assertThat(ids("direction=" + from + "-" + to + "&status=paid")).containsExactly(id(2));
        assertThat(ids("direction=" + from + "-" + to + "&status=new")).containsExactly(id(1), id(0));
        Instant start = placed.get(1).createdAt();
        Instant end = placed.get(3).createdAt();
        assertThat(ids("direction=" + to + "&from=" + start + "&to=" + end)).containsExactly(id(3), id(2), id(1));
        // A date is a whole day in the site's time zone (UTC here).
        String day = start.toString().substring(0, 10);
        assertThat(ids("direction=" + from + "-" + to + "&from=" + day + "&to=" + day)).contains(id(1));
        assertThat(ids("direction=" + from + "-" + to + "&to=2000-01-01")).isEmpty();
        assertThat(operator().get("/api/operator/v1/orders?from=" + end + "&to=" + start).statusCode()).isEqualTo(400);
        assertThat(operator().get("/api/operator/v1/orders?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(operator().get("/api/operator/v1/orders?status=lost").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesContinueByKeysetWithALinkToTheNext() {
        HttpResponse<String> first = operator().get("/api/operator/v1/orders?direction=" + to + "-&limit=2");
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> page1 = operator().get("/api/operator/v1/orders?direction=-" + to + "&limit=2");
        assertThat(JSON.readTree(page1.body()).findValuesAsString("publicId")).hasSize(2);
        String link = page1.headers().firstValue("Link").orElseThrow();
        assertThat(link).contains("beforeId=" + id(3)).endsWith("; rel=\"next\"");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        List<Long> page2 = new ArrayList<>();
        JSON.readTree(operator().get(next.substring(next.indexOf("/api/"))).body())
                .forEach(n -> page2.add(n.get("id").asLong()));
        assertThat(page2).containsExactly(id(2), id(1));
        assertThat(ids("direction=-" + to + "&beforeId=" + id(1))).startsWith(id(0));
    }

    @Test
    void theCsvHasTheSameSelectionEveryCellQuotedAndFormulasDefused() {
        HttpResponse<String> csv = operator().get("/api/operator/v1/orders.csv?direction=" + other + "-" + to);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("orders.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("\"id\",\"public_id\",\"created\",\"status\",\"from\",\"to\",\"amount_give\","
                + "\"amount_get\",\"rate_in\",\"rate_out\",\"email\",\"account\",\"city\",\"partner_id\",\"partner_reward\","
                + "\"number\"");
        // A public id is random URL-safe text: one that starts with '-' is defused like any formula-like cell.
        String publicId = placed.get(4).publicId();
        String publicIdCell = publicId.startsWith("-") ? "'" + publicId : publicId;
        assertThat(lines[1]).startsWith("\"" + id(4) + "\",\"" + publicIdCell + "\",")
                .contains(",\"new\",\"" + other + "\",\"" + to + "\",\"14\",\"14\",")
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\")" + tag + "\",");
        assertThat(lines[1]).endsWith(",\"" + placed.get(4).number() + "\"");
        assertThat(lines[2]).startsWith("\"" + id(3) + "\",").contains(",\"" + partner.id() + "\",");
        assertThat(operator().get("/api/operator/v1/orders.csv?q=" + id(2)).body().split("\r\n")).hasSize(2);
        assertThat(operator().get("/api/operator/v1/orders.csv?status=lost").statusCode()).isEqualTo(400);
        assertThat(http().get("/api/operator/v1/orders.csv").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminPageSearchesPagesAndExports() {
        var admin = admin();
        HttpResponse<String> page = admin.get("/admin/orders?q=" + enc("CLIENT3." + tag + "@example.test"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"order-search\"").contains("/admin/orders/" + id(3) + "\"")
                .doesNotContain("/admin/orders/" + id(2) + "\"");
        HttpResponse<String> byPartner = admin.get("/admin/orders?partnerId=" + enc(partner.email())
                + "&direction=" + other + "-" + to + "&status=new");
        assertThat(byPartner.body()).contains("/admin/orders/" + id(3) + "\"").doesNotContain("/admin/orders/" + id(1) + "\"");
        HttpResponse<String> bad = admin.get("/admin/orders?from=soon");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"search-error\"");
        HttpResponse<String> csv = admin.get("/admin/orders.csv?direction=" + from + "-" + to + "&status=paid");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).contains("\"" + id(2) + "\"");
        assertThat(http().get("/admin/orders.csv").statusCode()).isEqualTo(302);
    }
}
