package app.ratelink.rates;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A rate source on 127.0.0.1, port 0, replaying a recorded answer (test resources rates/) that a test may
 * change, turn into an HTTP error, or silence (the answer never comes within the source's timeout).
 */
public final class SourceStub implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile byte[] body;
    private volatile int status = 200;
    private final String contentType;

    private SourceStub(byte[] body, String contentType) {
        this.body = body;
        this.contentType = contentType;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "source-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                int s = status;
                if (s == 0) {
                    Thread.sleep(10_000); // silent: the poller's timeout answers first
                    return;
                }
                byte[] b = s == 200 ? this.body : "error".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", this.contentType);
                exchange.sendResponseHeaders(s, b.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** Serves the recorded answer {@code rates/<name>}. */
    public static SourceStub replaying(String name) {
        return new SourceStub(recorded(name), name.endsWith(".json") ? "application/json" : "application/xml");
    }

    public static byte[] recorded(String name) {
        try (InputStream in = SourceStub.class.getResourceAsStream("/rates/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource rates/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers {@code text} from now on (e.g. the recorded answer with one number changed). */
    public void answer(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        status = 200;
    }

    public void answer(byte[] bytes) {
        body = bytes;
        status = 200;
    }

    /** Answers this HTTP status with no rates. */
    public void fail(int httpStatus) {
        status = httpStatus;
    }

    /** Accepts requests and never answers. */
    public void silence() {
        status = 0;
    }

    public int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
