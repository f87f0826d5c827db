package app.ratelink.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.catalog.Catalog;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * The directions list at scale (issue 22): search by currency, filters active / in the feeds (with the reason
 * it is out), and a selection switched on or off at once as one audited change.
 */
class DirectionsAtScaleHttpTest extends IntegrationTest {

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    String a;
    String b;
    String empty;

    /** a→b listed; b→a switched off; a→empty active but with no reserve to give. */
    @BeforeEach
    void directions() {
        a = TestCatalog.code("DSA");
        b = TestCatalog.code("DSB");
        empty = TestCatalog.code("DSE");
        new TestCatalog(operator())
                .currency(a, "Scale A", "USD", 2, "1000", "", "Pay")
                .currency(b, "Scale B", "EUR", 2, "1000", "", "Pay")
                .currency(empty, "Scale empty", "RUB", 2, "0", "", "Pay")
                .direction(a, b, "1", "1", "10", "100", true)
                .direction(b, a, "1", "1", "10", "100", false)
                .direction(a, empty, "1", "1", "10", "100", true);
    }

    static String row(String page, String pair) {
        int at = page.indexOf("data-direction=\"" + pair + "\"");
        assertThat(at).as(pair).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    @Test
    void searchesByCurrencyAndFiltersByActiveAndFeed() {
        TestHttp admin = admin();
        String byB = admin.get("/admin/directions?q=" + b.toLowerCase()).body();
        assertThat(byB).contains("data-direction=\"" + a + "-" + b + "\"").contains("data-direction=\"" + b + "-" + a + "\"")
                .doesNotContain("data-direction=\"" + a + "-" + empty + "\"");
        String off = admin.get("/admin/directions?q=" + a + "&active=no").body();
        assertThat(off).contains("data-direction=\"" + b + "-" + a + "\"").doesNotContain("data-direction=\"" + a + "-" + b + "\"");
        String out = admin.get("/admin/directions?q=" + a + "&feed=out").body();
        assertThat(row(out, a + "-" + empty)).contains("no reserve for the minimum order");
        assertThat(row(out, b + "-" + a)).contains("switched off");
        assertThat(out).doesNotContain("data-direction=\"" + a + "-" + b + "\"");
        String in = admin.get("/admin/directions?q=" + a + "&feed=in&active=yes").body();
        assertThat(row(in, a + "-" + b)).contains("in the feeds");
        assertThat(in).doesNotContain("data-direction=\"" + a + "-" + empty + "\"");
    }

    @Test
    void aDirectionWhoseRateSourceWentStaleIsFilteredAndOutOfTheFeedsWithThatReason() {
        jdbc.sql("UPDATE directions SET rate_unavailable = TRUE WHERE from_code = :f AND to_code = :t")
                .param("f", a).param("t", b).update();
        TestHttp admin = admin();
        String stale = admin.get("/admin/directions?q=" + a + "&stale=yes").body();
        assertThat(row(stale, a + "-" + b)).contains("stale rate");
        assertThat(stale).doesNotContain("data-direction=\"" + a + "-" + empty + "\"");
        assertThat(admin.get("/admin/directions?q=" + a + "&stale=no").body())
                .doesNotContain("data-direction=\"" + a + "-" + b + "\"");
        assertThat(operator().get("/api/operator/v1/dashboard").body())
                .contains("{\"from\":\"" + a + "\",\"to\":\"" + b + "\",\"reason\":\"stale-rate\"");
    }

    @Test
    void aSelectionIsSwitchedAtOnceAsOneAuditedChange() {
        TestHttp admin = admin();
        admin.get("/admin/directions?q=" + a);
        HttpResponse<String> r = admin.postFormList("/admin/directions/bulk", List.of(
                Map.entry("selected", a + "-" + b), Map.entry("selected", a + "-" + empty),
                Map.entry("selected", b + "-" + a), Map.entry("action", "disable"), Map.entry("q", a),
                Map.entry("active", ""), Map.entry("feed", "")));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/admin/directions?q=" + a);
        assertThat(admin.follow(r).body()).contains("2 directions switched off.");
        assertThat(catalog.direction(a, b).orElseThrow().active()).isFalse();
        assertThat(catalog.direction(a, empty).orElseThrow().active()).isFalse();
        List<String> audit = jdbc.sql("SELECT changes FROM audit_entry WHERE action = 'direction.disable' AND changes LIKE :p")
                .param("p", "%" + a + "-" + b + "%").query(String.class).list();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).contains(a + "-" + empty).doesNotContain(b + "-" + a);

        admin.get("/admin/directions?q=" + a);
        HttpResponse<String> on = admin.postFormList("/admin/directions/bulk", List.of(
                Map.entry("selected", a + "-" + b), Map.entry("selected", "NOPE-" + a), Map.entry("action", "enable")));
        assertThat(admin.follow(on).body()).contains("id=\"directions-error\"");
        assertThat(catalog.direction(a, b).orElseThrow().active()).as("all or nothing").isFalse();
    }
}
