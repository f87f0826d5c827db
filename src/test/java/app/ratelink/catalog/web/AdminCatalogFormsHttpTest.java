package app.ratelink.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.catalog.Catalog;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/** The admin currency and direction forms show every mistake at once, each next to its field (issue 17). */
class AdminCatalogFormsHttpTest extends IntegrationTest {

    @Autowired Catalog catalog;

    private static String error(String body, String field) {
        Matcher m = Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<").matcher(body);
        assertThat(m.find()).as(field + "-error in " + body).isTrue();
        return m.group(1).trim();
    }

    /** Two USD currencies and an active direction 1 : 0.9 for 10–100 between them: {from, to}. */
    private String[] usdPair(String prefix, String name) {
        String from = TestCatalog.code(prefix + "A");
        String to = TestCatalog.code(prefix + "B");
        new TestCatalog(operator()).currency(from, name + " A", "USD", 2, "1000", "", "")
                .currency(to, name + " B", "USD", 2, "1000", "", "").direction(from, to, "1", "0.9", "10", "100", true);
        return new String[] {from, to};
    }

    @Test
    void aCurrencyWithTwoBadFieldsShowsBothErrorsAndKeepsWhatWasTyped() {
        String code = TestCatalog.code("FC");
        TestHttp admin = admin();
        admin.get("/admin/currencies/new");
        Map<String, String> form = new LinkedHashMap<>(Map.of("code", code, "name", "", "unit", "USD",
                "scale", "two", "reserve", "100", "usdRate", "1,5x", "payoutFeePercent", "0"));
        form.put("_active", "on");
        HttpResponse<String> bad = admin.postForm("/admin/currencies", form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(error(bad.body(), "name")).isEqualTo("Required");
        assertThat(error(bad.body(), "scale")).isEqualTo("Enter a whole number");
        assertThat(error(bad.body(), "usdRate")).isEqualTo("Enter a number, e.g. 10 or 0.5");
        assertThat(bad.body()).contains("value=\"two\"").contains("value=\"1,5x\"")
                .contains("aria-describedby=\"scale-error\"");
        assertThat(catalog.currency(code)).isEmpty();

        admin.get("/admin/currencies/new?lang=ru");
        String ru = admin.postForm("/admin/currencies", form).body();
        assertThat(error(ru, "name")).isEqualTo("Обязательное поле");
        assertThat(error(ru, "scale")).isEqualTo("Введите целое число");
        admin.get("/admin/currencies?lang=en");
    }

    @Test
    void aDirectionWithTwoBadFieldsShowsBothErrorsOnItsEditForm() {
        String[] pair = usdPair("F", "Forms");
        String from = pair[0];
        String to = pair[1];
        TestHttp admin = admin();
        assertThat(admin.get("/admin/directions/" + from + "/" + to).body()).contains("id=\"in\"")
                .contains("value=\"0.9\"");
        Map<String, String> form = new LinkedHashMap<>(Map.of("in", "abc", "out", "0.9", "minAmount", "10",
                "maxAmount", "", "profitPercent", "2", "active", "true", "_active", "on"));
        HttpResponse<String> bad = admin.postForm("/admin/directions/" + from + "/" + to, form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(error(bad.body(), "in")).isEqualTo("Enter a number, e.g. 10 or 0.5");
        assertThat(error(bad.body(), "maxAmount")).isEqualTo("Required");
        assertThat(bad.body()).contains("value=\"abc\"")
                .contains("/admin/directions/" + from + "/" + to + "\"");
        assertThat(catalog.direction(from, to).orElseThrow().maxAmount()).isEqualByComparingTo("100");
    }

    @Test
    void aCheckboxWithAMadeUpValueIsUncheckedNotAFailure() {
        // Found by FuzzH2HttpTest: a value Boolean cannot read left the record unbound and the page answered 500.
        String code = TestCatalog.code("FK");
        TestHttp admin = admin();
        admin.get("/admin/currencies/new");
        Map<String, String> form = new LinkedHashMap<>(Map.of("code", code, "name", "", "unit", "USD",
                "scale", "2", "reserve", "100", "usdRate", "1", "active", "maybe", "payoutAllowed", "\u00e9"));
        HttpResponse<String> bad = admin.postForm("/admin/currencies", form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(error(bad.body(), "name")).isEqualTo("Required");
        form.put("name", "Fuzzed checkbox");
        assertThat(admin.postForm("/admin/currencies", form).statusCode()).isEqualTo(302);
        assertThat(catalog.currency(code)).hasValueSatisfying(c -> assertThat(c.active()).isFalse());
    }

    /**
     * The catalogue's own refusals (those no form check can see: a maximum below the minimum, a fee of 100 %, an
     * alias another currency has) are said in the operator's words and language; the operator API keeps its English
     * text, which integrations read.
     */
    @Test
    void theCataloguesRefusalsSpeakTheOperatorsLanguageAndTheApiStaysEnglish() {
        String[] pair = usdPair("R", "Refusal");
        String from = pair[0], to = pair[1], path = "/admin/directions/" + from + "/" + to;
        TestHttp admin = admin();
        admin.get(path + "?lang=ru");
        Map<String, String> form = new LinkedHashMap<>(Map.of("in", "1", "out", "0.9", "minAmount", "100",
                "maxAmount", "10", "fromFee", "100%", "profitPercent", "2", "active", "true", "_active", "on"));
        form.put("profitPercent", "сто");
        String ru = admin.postForm("/admin/directions/" + from + "/" + to, form).body();
        // Both at once: the rule between two fields is the form's, not a second round trip.
        assertThat(error(ru, "maxAmount")).isEqualTo("Не может быть меньше минимальной суммы");
        assertThat(error(ru, "profitPercent")).isEqualTo("Введите число, например 10 или 0.5");
        form.put("profitPercent", "2");
        form.put("maxAmount", "1000");
        ru = admin.postForm("/admin/directions/" + from + "/" + to, form).body();
        assertThat(error(ru, "fromFee")).isEqualTo("Комиссия в процентах должна быть меньше 100%");
        assertThat(catalog.direction(from, to).orElseThrow().maxAmount()).isEqualByComparingTo("100");

        admin.get("/admin/currencies/" + from + "?lang=ru");
        Map<String, String> currency = new LinkedHashMap<>(Map.of("name", "Refusal A", "unit", "USD", "scale", "2",
                "reserve", "1000", "usdRate", "1", "payoutFeePercent", "0", "aliases", to, "_active", "on"));
        ru = admin.postForm("/admin/currencies/" + from, currency).body();
        assertThat(error(ru, "aliases")).isEqualTo(to + " — код другой валюты");

        admin.get("/admin/directions/" + from + "/" + to + "?lang=en");
        form.put("maxAmount", "10");
        assertThat(error(admin.postForm("/admin/directions/" + from + "/" + to, form).body(), "maxAmount"))
                .isEqualTo("Must be at least the minimum amount");

        HttpResponse<String> api = operator().json("PUT", "/api/operator/v1/directions/" + from + "/" + to,
                "{\"minAmount\":100,\"maxAmount\":10}");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("maxAmount must be at least minAmount");
    }
}
