package app.ratelink.feed.web;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import app.ratelink.feed.FeedFile;
import app.ratelink.feed.FeedFormat;
import app.ratelink.feed.FeedRobots;
import app.ratelink.feed.FeedSnapshots;
import app.ratelink.system.DatabaseStatus;
import app.ratelink.system.ClientAddress;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * {@code /service/export/{xml|json|txt}/{code}}, answered by Tomcat's engine, ahead of the web application
 * (its valves, filters, security and MVC): monitorings poll these files every few seconds, anonymously, and
 * each answer is bytes already in memory. Conditional requests get 304, gzip-capable clients the
 * pre-compressed bytes. Every other request goes on to the application unchanged.
 * <p>
 * Why a valve and not a servlet filter: a filter, even the first one, comes after the host, context and
 * wrapper valves and after Tomcat has built a filter chain for the request; side by side the valve answered
 * 3 to 10 % more requests/s on the small answers (gzip, 304, TXT): docs/adr/0004.
 */
class FeedValve extends ValveBase {

    static final String PREFIX = "/service/export/";
    static final int MAINTENANCE_RETRY_SECONDS = 300;

    private final FeedSnapshots snapshots;
    private final Settings settings;
    private final FeedSendfile sendfile;
    private final DatabaseStatus database;
    private final FeedRobots robots;

    FeedValve(FeedSnapshots snapshots, Settings settings, FeedSendfile sendfile, DatabaseStatus database,
              FeedRobots robots) {
        super(true);
        this.database = database;
        this.snapshots = snapshots;
        this.settings = settings;
        this.sendfile = sendfile;
        this.robots = robots;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // Decoded and normalized by Tomcat ("/service/export/../admin" is "/admin" here), as a filter would see it.
        String uri = request.getDecodedRequestURI();
        String path = uri == null ? "" : uri.substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX)) {
            getNext().invoke(request, response);
            return;
        }
        answer(request, response, path);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        // Answered ahead of the servlet filters, so the headers every other response gets are set here: a
        // browser opening a feed must not sniff it into HTML.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        boolean trailingSlash = parts.length == 3 && parts[2].isEmpty();
        Optional<FeedFormat> format = parts.length == 2 || trailingSlash ? FeedFormat.of(parts[0]) : Optional.empty();
        if (format.isEmpty()) {
            notFound(response);
            return;
        }
        String code = parts[1];
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD");
            countIfKnown(request, code, HttpServletResponse.SC_METHOD_NOT_ALLOWED, 0);
            response.setContentLength(0);
            return;
        }
        if (database.down() || maintenance()) {
            // A database outage is maintenance to a monitoring: the rates cannot be vouched for, no order
            // could be taken; the robot is told when to come back.
            countIfKnown(request, code, HttpServletResponse.SC_SERVICE_UNAVAILABLE, 0);
            maintenance(response, format.get(), "HEAD".equals(method));
            return;
        }
        Optional<FeedFile> file = snapshots.file(code, format.get());
        if (file.isEmpty()) {
            // A disabled profile's robots are counted with their 404s; made-up codes are not.
            countIfKnown(request, code, HttpServletResponse.SC_NOT_FOUND, 0);
            notFound(response);
            return;
        }
        serve(request, response, file.get(), "HEAD".equals(method), code);
    }

    private boolean maintenance() {
        try {
            return settings.maintenance();
        } catch (RuntimeException e) {
            if (database.failed(e)) {
                return true;
            }
            throw e;
        }
    }

    private void countIfKnown(HttpServletRequest request, String code, int status, long bytes) {
        if (snapshots.known(code)) {
            robots.record(code, address(request), request.getHeader("User-Agent"), status, bytes);
        }
    }

    /** The robot's real address, X-Forwarded-For honoured only from the trusted proxies (as for clicks). */
    private String address(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        return forwarded == null ? request.getRemoteAddr()
                : ClientAddress.of(request.getRemoteAddr(), forwarded, settings.get(Setting.TRUSTED_PROXIES));
    }

    /**
     * The robot is counted before the body is written: a robot that sends its next request as soon as it has
     * read this answer must find this one counted first (its last status is the status of its last request).
     */
    private void serve(HttpServletRequest request, HttpServletResponse response, FeedFile file, boolean head,
                       String code) throws IOException {
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        String tag = gzip ? file.gzipEtag() : file.etag();
        response.setHeader("ETag", tag);
        response.setHeader("Last-Modified", file.lastModifiedText());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Encoding");
        if (notModified(request, file)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            robots.record(code, address(request), request.getHeader("User-Agent"), HttpServletResponse.SC_NOT_MODIFIED, 0);
            return;
        }
        response.setContentType(file.contentType());
        byte[] bytes = gzip ? file.gzip() : file.body();
        if (gzip) {
            // Tomcat's own compression (server.compression) leaves a response that already has an encoding alone.
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        robots.record(code, address(request), request.getHeader("User-Agent"), HttpServletResponse.SC_OK,
                head ? 0 : bytes.length);
        if (!head && !sendfile.send(request, tag, bytes)) {
            response.getOutputStream().write(file.direct(gzip));
        }
    }

    /** "gzip" in Accept-Encoding, unless refused with q=0. */
    static boolean acceptsGzip(String accept) {
        if (accept == null) {
            return false;
        }
        int at = accept.toLowerCase(Locale.ROOT).indexOf("gzip");
        if (at < 0) {
            return false;
        }
        int end = accept.indexOf(',', at);
        String params = accept.substring(at + 4, end < 0 ? accept.length() : end).replace(" ", "");
        return !params.startsWith(";q=0") || params.matches(";q=0\\.0*[1-9].*");
    }

    /**
     * If-None-Match wins over If-Modified-Since, as RFC 9110 says. Either representation's tag matches: the
     * client's copy, plain or gzipped, is current. A robot echoes our Last-Modified text back, so that is
     * compared as text before any date parsing. Dates have whole seconds: when two contents of the file
     * share one, that date no longer proves the client's copy current.
     */
    static boolean notModified(HttpServletRequest request, FeedFile file) {
        String noneMatch = request.getHeader("If-None-Match");
        if (noneMatch != null) {
            if (noneMatch.equals(file.etag()) || noneMatch.equals(file.gzipEtag())) {
                return true;
            }
            for (String tag : noneMatch.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || t.equals(file.etag()) || t.equals(file.gzipEtag())) {
                    return true;
                }
            }
            return false;
        }
        String since = request.getHeader("If-Modified-Since");
        if (since == null) {
            return false;
        }
        if (since.equals(file.lastModifiedText())) {
            return !file.lastModifiedShared();
        }
        try {
            Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(since.trim(), Instant::from);
            return file.lastModifiedShared() ? at.isAfter(file.lastModified()) : !file.lastModified().isAfter(at);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void maintenance(HttpServletResponse response, FeedFormat format, boolean head) throws IOException {
        byte[] body = format.maintenanceBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(MAINTENANCE_RETRY_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(format.contentType());
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        byte[] body = "Feed not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

}
