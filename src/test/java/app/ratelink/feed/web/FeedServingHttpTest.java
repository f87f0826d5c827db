package app.ratelink.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

import app.ratelink.feed.FeedFile;
import app.ratelink.feed.FeedFormat;
import app.ratelink.feed.FeedSnapshots;
import app.ratelink.order.web.TestCatalog;
import app.ratelink.testing.IntegrationTest;

/**
 * How the bytes leave: a feed above the sendfile threshold through Tomcat's sendfile, byte for byte the
 * snapshot; each representation (plain, gzip) with its own strong tag, either tag answered with 304;
 * Last-Modified as an IMF-fixdate, echoed back or as a later date.
 *
 * <p>The large catalogue is made once for the class (the tests only read it) and switched off after it: in the
 * database that all HTTP tests share, every feed profile that lists all directions carried its 720 items in each
 * rebuild for the rest of the suite. Made before each test, its 3,600 items grew each later rebuild to about
 * 22,000 items, 6.6 MB of files (as much again off-heap) and 1–3 s, on every catalogue change of every later test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedServingHttpTest extends IntegrationTest {

    @Autowired
    FeedSnapshots snapshots;

    @Autowired
    FeedSendfile sendfile;

    String feed;
    /** Code and unit of each of the three currencies. */
    String[][] currencies;

    @BeforeAll
    void largeCatalogue() {
        String usd = TestCatalog.code("SU");
        String rub = TestCatalog.code("SR");
        String eur = TestCatalog.code("SE");
        currencies = new String[][] {{usd, "USD"}, {rub, "RUB"}, {eur, "EUR"}};
        feed = "s" + usd.toLowerCase();
        TestCatalog catalog = new TestCatalog(operator());
        catalog.currency(usd, "Cash dollar", "USD", 2, "250000", "", "Cash");
        catalog.currency(rub, "Cash rouble", "RUB", 2, "9000000", "", "Cash");
        catalog.currency(eur, "Cash euro", "EUR", 2, "250000", "", "Cash");
        // 6 directions x 120 cash cities = 720 items: an XML of about 180 KB, above the sendfile threshold.
        String cities = IntStream.rangeClosed(1, 120).mapToObj(i -> "\"C%03d\"".formatted(i)).collect(Collectors.joining(","));
        String[][] pairs = {{usd, rub}, {rub, usd}, {usd, eur}, {eur, usd}, {rub, eur}, {eur, rub}};
        for (String[] pair : pairs) {
            HttpResponse<String> r = operator().json("PUT", "/api/operator/v1/directions/" + pair[0] + "/" + pair[1], """
                    {"in":1,"out":"92.5","minAmount":100,"maxAmount":20000,"profitPercent":1,"flags":["manual"],
                     "cities":[%s],"active":true}""".formatted(cities));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        String directions = Stream.of(pairs).map(p -> "\"" + p[0] + "-" + p[1] + "\"").collect(Collectors.joining(","));
        assertThat(operator().json("PUT", "/api/operator/v1/feeds/" + feed,
                "{\"name\":\"Cash monitoring\",\"enabled\":true,\"directions\":[%s]}".formatted(directions))
                .statusCode()).isEqualTo(200);
    }

    /** An inactive currency takes its directions out of every feed. */
    @AfterAll
    void switchOff() {
        for (String[] currency : currencies) {
            HttpResponse<String> r = operator().json("PUT", "/api/operator/v1/currencies/" + currency[0], """
                    {"name":"Cash %s","unit":"%s","scale":2,"reserve":0,"usdRate":1,"active":false,"payoutAllowed":false,
                     "payoutFeePercent":0,"paymentInstructions":"Cash","accountPattern":""}""".formatted(currency[0], currency[1]));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    HttpResponse<byte[]> get(String format, String... headers) {
        return http().bytes("GET", "/service/export/" + format + "/" + feed, headers);
    }

    static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aLargeFeedGoesOutThroughSendfileByteForByte() throws Exception {
        FeedFile snapshot = snapshots.file(feed, FeedFormat.XML).orElseThrow();
        assertThat(snapshot.body().length).isGreaterThan(FeedSendfile.MIN_BYTES);

        HttpResponse<byte[]> plain = get("xml");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Length")).contains(String.valueOf(snapshot.body().length));
        assertThat(plain.body()).isEqualTo(snapshot.body());
        assertThat(sendfile.size()).as("the body was handed to sendfile").isPositive();
        var items = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(plain.body())).getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(720);

        // Again, now from the file already on disk; and the gzipped one (small: written from memory) unpacks to it.
        assertThat(get("xml").body()).isEqualTo(snapshot.body());
        HttpResponse<byte[]> zipped = get("xml", "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body()).isEqualTo(snapshot.gzip());
        assertThat(gunzip(zipped.body())).isEqualTo(snapshot.body());
    }

    @Test
    void plainAndGzipHaveTheirOwnStrongTagAndEitherAnswers304() {
        HttpResponse<byte[]> plain = get("json");
        HttpResponse<byte[]> zipped = get("json", "Accept-Encoding", "gzip");
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(plainTag).matches("\"[0-9a-f]{32}\"");
        assertThat(gzipTag).isEqualTo(plainTag.replace("\"", "").transform(t -> "\"" + t + "-gzip\""));

        for (String tag : new String[] {plainTag, gzipTag, "W/" + gzipTag, "\"x\", " + plainTag, "*"}) {
            HttpResponse<byte[]> r = get("json", "Accept-Encoding", "gzip", "If-None-Match", tag);
            assertThat(r.statusCode()).as(tag).isEqualTo(304);
            assertThat(r.body()).isEmpty();
            assertThat(r.headers().firstValue("ETag")).contains(gzipTag);
        }
        // A tag that does not match wins over a date that would: If-None-Match decides alone.
        assertThat(get("json", "If-None-Match", "\"x\"", "If-Modified-Since",
                plain.headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(200);
    }

    @Test
    void lastModifiedIsAnImfFixdateAndIsComparedAsADate() {
        String lastModified = get("txt").headers().firstValue("Last-Modified").orElseThrow();
        assertThat(lastModified).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(get("txt", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get("txt", "If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT").statusCode()).isEqualTo(304);
        assertThat(get("txt", "If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").statusCode()).isEqualTo(200);
        assertThat(get("txt", "If-Modified-Since", "yesterday").statusCode()).isEqualTo(200);
    }

    @Test
    void aDateSharedByTwoContentsEarnsNo304ButALaterDateAndTheTagDo() {
        FeedFile file = snapshots.file(feed, FeedFormat.TXT).orElseThrow();
        FeedFile shared = new FeedFile(file.body(), file.gzip(), file.etag(), file.gzipEtag(), file.lastModified(),
                file.lastModifiedText(), true, file.contentType(), file.directBody(), file.directGzip());
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("If-Modified-Since", file.lastModifiedText());
        assertThat(FeedValve.notModified(request, file)).isTrue();
        assertThat(FeedValve.notModified(request, shared)).isFalse();
        MockHttpServletRequest later = new MockHttpServletRequest();
        later.addHeader("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT");
        assertThat(FeedValve.notModified(later, shared)).isTrue();
        MockHttpServletRequest tagged = new MockHttpServletRequest();
        tagged.addHeader("If-None-Match", file.etag());
        tagged.addHeader("If-Modified-Since", file.lastModifiedText());
        assertThat(FeedValve.notModified(tagged, shared)).isTrue();
    }

    @Test
    void gzipRefusedWithQZeroOrNotOfferedIsPlainAndNeverCompressedTwice() throws IOException {
        FeedFile snapshot = snapshots.file(feed, FeedFormat.TXT).orElseThrow();
        HttpResponse<byte[]> refused = get("txt", "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(snapshot.body());
        HttpResponse<byte[]> deflateOnly = get("txt", "Accept-Encoding", "deflate");
        assertThat(deflateOnly.headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> weighted = get("txt", "Accept-Encoding", "deflate;q=1, gzip;q=0.5");
        assertThat(weighted.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(weighted.body())).isEqualTo(snapshot.body());
        assertThat(FeedValve.acceptsGzip("GZIP")).isTrue();
        assertThat(FeedValve.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(FeedValve.acceptsGzip("br, gzip;q=0.01")).isTrue();
        assertThat(FeedValve.acceptsGzip(null)).isFalse();
    }
}
