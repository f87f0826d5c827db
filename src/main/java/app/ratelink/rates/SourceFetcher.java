package app.ratelink.rates;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

/**
 * Fetches a source's answer: GET with the source's timeout, redirects followed, at most {@link #MAX_BYTES}
 * read (a rate file of 2,000 directions is about 600 KB), any status but 200 an error.
 */
@Component
class SourceFetcher {

    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Completes with the body, or exceptionally with a {@link SourceFailure} that says why in a few words. */
    CompletableFuture<byte[]> fetch(RateSource source) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(source.url())).timeout(Duration.ofSeconds(source.timeoutSeconds()))
                    .header("Accept", "application/json, application/xml, text/xml, */*")
                    .header("User-Agent", "Ratelink rate poller").GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new SourceFailure("bad URL"));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SourceFailure("HTTP " + response.statusCode());
                }
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new SourceFailure("answer larger than " + MAX_BYTES + " bytes");
                }
                return body;
            } catch (IOException e) {
                throw new SourceFailure("read failed: " + e.getClass().getSimpleName());
            }
        }).exceptionallyCompose(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof SourceFailure f) {
                return CompletableFuture.failedFuture(f);
            }
            String why = cause instanceof HttpTimeoutException ? "no answer within " + source.timeoutSeconds() + " s"
                    : cause instanceof java.net.ConnectException ? "connection refused"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return CompletableFuture.failedFuture(new SourceFailure(why));
        });
    }

    /** Why a poll failed, short enough for the admin page and the operator's mail. */
    static final class SourceFailure extends RuntimeException {
        SourceFailure(String message) {
            super(message, null, false, false);
        }
    }
}
