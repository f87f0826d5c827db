package app.ratelink.feed.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Rate files larger than Tomcat's socket write buffer leave through Tomcat's sendfile: the kernel copies them
 * from a file to the socket, as nginx does, instead of Tomcat pushing the bytes through that buffer in
 * several writes (bench/feeds.sh measured the 490 KB XML of a 2,000-direction catalogue at about twice the
 * requests per second this way). Each representation is written to disk once, on its first request, under
 * its ETag (so the name says what it holds); files nobody asked for during a whole cleanup period are
 * dropped from the map, and deleted one period later, when no request can still be about to open them.
 * A file that fits in the buffer with its headers stays in memory: it leaves in one write, where sendfile
 * costs a separate header write and a file open and close per request (the 66 KB TXT: 35.4 µs of CPU per
 * request through sendfile, 27.8 µs in one write; docs/adr/0004).
 */
class FeedSendfile {

    /** Room left in the write buffer for the status line and headers (about 400 bytes for a feed). */
    static final int MIN_BYTES = FeedConfiguration.WRITE_BUFFER_BYTES - 4 * 1024;

    private static final Logger log = LoggerFactory.getLogger(FeedSendfile.class);
    private static final String SUPPORTED = "org.apache.tomcat.sendfile.support";
    private static final String FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String START = "org.apache.tomcat.sendfile.start";
    private static final String END = "org.apache.tomcat.sendfile.end";

    private final Path dir;
    private final Map<String, Spilled> files = new ConcurrentHashMap<>();
    private List<Path> retired = new ArrayList<>();

    private static final class Spilled {
        final String path;
        volatile boolean used = true;

        Spilled(String path) {
            this.path = path;
        }
    }

    FeedSendfile(Path dir) {
        this.dir = dir;
    }

    /** A private folder under the system's temporary folder; null (no sendfile) if none can be made. */
    static FeedSendfile inTemporaryFolder() {
        try {
            return new FeedSendfile(Files.createTempDirectory("ratelink-feeds-"));
        } catch (IOException | RuntimeException e) {
            log.warn("Rate files will be written from memory only: {}", e.toString());
            return new FeedSendfile(null);
        }
    }

    /**
     * Hands the body to Tomcat's sendfile when it is large and the connector can; false means the caller
     * writes it. Content-Type and Content-Length must be set already.
     */
    boolean send(HttpServletRequest request, String etag, byte[] body) {
        if (dir == null || body.length < MIN_BYTES || !Boolean.TRUE.equals(request.getAttribute(SUPPORTED))) {
            return false;
        }
        Spilled spilled = files.get(etag);
        if (spilled == null) {
            spilled = spill(etag, body);
            if (spilled == null) {
                return false;
            }
        } else if (!spilled.used) {
            spilled.used = true;
        }
        request.setAttribute(FILENAME, spilled.path);
        request.setAttribute(START, 0L);
        request.setAttribute(END, (long) body.length);
        return true;
    }

    private synchronized Spilled spill(String etag, byte[] body) {
        Spilled existing = files.get(etag);
        if (existing != null) {
            return existing;
        }
        Path target = dir.resolve(etag.replace("\"", ""));
        try {
            Path temporary = Files.createTempFile(dir, "writing-", ".tmp");
            Files.write(temporary, body);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write {} for sendfile, serving it from memory: {}", target, e.toString());
            return null;
        }
        Spilled spilled = new Spilled(target.toString());
        files.put(etag, spilled);
        return spilled;
    }

    /**
     * One cleanup period: deletes what the previous period retired, retires what was not asked for since,
     * and forgets files that vanished (a temp cleaner), so that they are written again when asked for.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    synchronized void cleanUp() {
        for (Path path : retired) {
            delete(path);
        }
        List<Path> next = new ArrayList<>();
        files.forEach((etag, spilled) -> {
            if (!spilled.used || !Files.exists(Path.of(spilled.path))) {
                files.remove(etag, spilled);
                next.add(Path.of(spilled.path));
            } else {
                spilled.used = false;
            }
        });
        retired = next;
    }

    /** Removes the folder when the application stops. */
    synchronized void close() {
        if (dir == null) {
            return;
        }
        files.clear();
        try (var entries = Files.list(dir)) {
            entries.forEach(FeedSendfile::delete);
        } catch (IOException e) {
            log.debug("Listing {}: {}", dir, e.toString());
        }
        delete(dir);
    }

    int size() {
        return files.size();
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", path, e.toString());
        }
    }
}
