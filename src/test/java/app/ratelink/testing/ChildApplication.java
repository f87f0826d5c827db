package app.ratelink.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import app.ratelink.RatelinkApplication;

/**
 * Ratelink in a JVM of its own, started from the test classpath without the test profile: it runs on
 * application.properties as a newcomer would (the default H2 URL included) plus the arguments given. It can
 * be killed as {@code kill -9} would ({@link #kill()}) and started again on the same data.
 */
public final class ChildApplication implements AutoCloseable {

    public static final String OPERATOR_TOKEN = "child-operator-token";

    private final List<String> jvmOptions;
    private final List<String> args;
    private final Path log;
    private final int port;
    private Process process;

    private ChildApplication(int port, Path log, List<String> jvmOptions, List<String> args) {
        this.jvmOptions = jvmOptions;
        this.port = port;
        this.log = log;
        this.args = args;
    }

    /** Starts a node with its data folder {@code dataDir}; {@code extraArgs} are Spring arguments. */
    public static ChildApplication start(Path dataDir, List<String> extraArgs) {
        return start(dataDir, List.of(), extraArgs);
    }

    /** The same, with JVM options (e.g. {@code -Dspring.aot.enabled=true}) ahead of the class path. */
    public static ChildApplication start(Path dataDir, List<String> jvmOptions, List<String> extraArgs) {
        int port = FreePorts.next();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--ratelink.data-dir=" + dataDir.toAbsolutePath(),
                "--ratelink.base-url=http://localhost:" + port, "--ratelink.demo-data=false",
                "--ratelink.operator-token=" + OPERATOR_TOKEN, "--ratelink.admin.password=child-admin-password",
                "--spring.jmx.enabled=false", "--spring.main.banner-mode=off"));
        args.addAll(extraArgs);
        ChildApplication child = new ChildApplication(port, dataDir.resolveSibling(dataDir.getFileName() + ".log"),
                jvmOptions, args);
        child.startAgain();
        return child;
    }

    /** Starts the JVM (again) and waits until health answers UP. */
    public ChildApplication startAgain() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RatelinkApplication.class.getName()));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        awaitUp(Duration.ofSeconds(120));
        return this;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitUp(Duration limit) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Ratelink exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException("Ratelink did not come up within " + limit + "; see " + log);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
