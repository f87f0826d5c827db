package app.ratelink.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of this test's own, from Debian's binaries ({@code /usr/lib/postgresql/N/bin}, as
 * bench/private-pg.sh does), on a free port of 127.0.0.1 with its data in a temporary folder, which the test
 * can stop and start again (an outage). Run as the {@code postgres} user when the tests run as root (initdb
 * refuses root). {@link #close()} stops it and deletes its folder.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The newest installed server's bin folder, when there is one. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Integer versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static PrivatePostgres start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("No PostgreSQL under /usr/lib/postgresql"));
        try {
            Path data = Files.createTempDirectory("ratelink-test-pg-" + UUID.randomUUID().toString().substring(0, 8));
            asPostgresOwner(data);
            PrivatePostgres pg = new PrivatePostgres(bin, data.resolve("cluster"), FreePorts.next());
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8"));
            pg.startAgain();
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** Starts the server and waits until it accepts connections. */
    public void startAgain() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolveSibling("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + data.getParent() + " -c listen_addresses=127.0.0.1 "
                        + "-c max_connections=40 -c fsync=off", "start"));
    }

    /** Stops the server (fast shutdown: sessions are ended, as in a database restart or crash). */
    public void stop() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(data.getParent().resolve("commands.log").toFile()))
                    .start();
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Failed: " + full + "; see " + data.getParent().resolve("commands.log"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void asPostgresOwner(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        try {
            Process p = new ProcessBuilder("chown", "postgres", dir.toString()).inheritIO().start();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
