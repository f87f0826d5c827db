package app.ratelink.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 and a port of its own (0: the system picks one) that records every request
 * it gets, as a partner's postback endpoint would. It answers 200 unless told to answer other statuses first.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, URI uri, Map<String, List<String>> headers, String body, int answered) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The decoded value of a query parameter, null when absent. */
        public String query(String name) {
            String raw = uri.getRawQuery();
            if (raw == null) {
                return null;
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equals(name)) {
                    return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
    private volatile int otherwise = 200;

    private Receiver(HttpServer server) {
        this.server = server;
    }

    public static Receiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Receiver receiver = new Receiver(server);
            server.createContext("/", exchange -> {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Integer scripted = receiver.statuses.poll();
                int status = scripted == null ? receiver.otherwise : scripted;
                receiver.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                        Map.copyOf(exchange.getRequestHeaders()), body, status));
                byte[] answer = (status == 200 ? "ok" : "failure " + status).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next requests get these statuses, in order; then 200 again. */
    public Receiver answer(int... next) {
        for (int s : next) {
            statuses.add(s);
        }
        return this;
    }

    /** Every request not scripted by {@link #answer} gets this status (200 unless changed). */
    public Receiver otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** Waits (bounded) until {@code count} requests match, and returns those. */
    public List<Request> await(int count, Predicate<Request> matching, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Request> found = requests.stream().filter(matching).toList();
            if (found.size() >= count || System.nanoTime() > end) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
