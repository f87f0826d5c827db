package app.ratelink.postback;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one delivery: a GET of the URL template with its macros replaced, or a POST of the values as JSON,
 * signed with the endpoint's secret. Redirects are not followed (a 3xx is a failure: following one could
 * lead to an address that was never checked), no proxy is used, and the whole exchange is bounded by the
 * timeout (10 s). Unless the operator allows private addresses, every address of the host must be public.
 */
@Component
class PostbackSender {

    static final int EXCERPT = 500;
    static final String USER_AGENT = "Ratelink-Postback/1";

    record Result(Integer httpStatus, long durationMs, boolean succeeded, String response) {
    }

    private final Settings settings;
    private final Clock clock;
    private final JsonMapper json;
    private final Duration timeout;
    private final HttpClient client;
    private volatile PublicAddresses addresses = new PublicAddresses();

    PostbackSender(Settings settings, Clock clock, JsonMapper json,
                   @Value("${ratelink.postbacks.timeout:PT10S}") Duration timeout) {
        this.settings = settings;
        this.clock = clock;
        this.json = json;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).build();
    }

    /** Tests resolve names their own way. */
    void resolveWith(PublicAddresses addresses) {
        this.addresses = addresses;
    }

    /** The body a POST endpoint gets for these values. */
    String body(Map<String, String> values) {
        return json.writeValueAsString(values);
    }

    /** Why the URL cannot be called now; empty when it can. */
    Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs");
        }
        if (uri.getHost() == null) {
            return Optional.of("no host");
        }
        if (settings.flag(Setting.POSTBACK_PRIVATE_ADDRESSES)) {
            return Optional.empty();
        }
        return addresses.refusal(uri.getHost());
    }

    Result send(Endpoint endpoint, Map<String, String> values) {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(Macros.expand(endpoint.url(), values));
        } catch (IllegalArgumentException e) {
            return new Result(null, 0, false, crop("invalid URL: " + e.getMessage()));
        }
        Optional<String> refused = refusal(uri);
        if (refused.isPresent()) {
            return new Result(null, 0, false, crop("refused: " + refused.get()));
        }
        boolean post = Endpoint.POST.equals(endpoint.method());
        String body = post ? body(values) : "";
        long t = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header(PostbackSignature.HEADER, PostbackSignature.header(endpoint.secret(), t, body))
                .header("X-Ratelink-Event", values.getOrDefault("event", ""))
                .header("X-Ratelink-Event-Id", values.getOrDefault("event_id", ""));
        if (post) {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                excerpt = new String(in.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            return new Result(status, millisSince(start), status / 100 == 2, crop(excerpt));
        } catch (HttpTimeoutException e) {
            return new Result(null, millisSince(start), false, "timeout after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Result(null, millisSince(start), false, crop("no answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static String crop(String text) {
        String t = text == null ? "" : text.replace('\0', '\uFFFD');
        return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT);
    }
}
