package app.ratelink.feed.web;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import app.ratelink.feed.FeedFile;
import app.ratelink.feed.FeedFormat;
import app.ratelink.feed.FeedSnapshots;
import app.ratelink.system.Settings;

/**
 * {@code /service/export/{xml|json|txt}/{code}}, answered ahead of security and MVC: monitorings poll
 * these files every few seconds, anonymously, and each answer is bytes already in memory. Conditional
 * requests get 304, gzip-capable clients the pre-compressed bytes.
 */
class FeedFilter extends OncePerRequestFilter {

    static final String PREFIX = "/service/export/";
    static final int MAINTENANCE_RETRY_SECONDS = 300;

    private final FeedSnapshots snapshots;
    private final Settings settings;

    FeedFilter(FeedSnapshots snapshots, Settings settings) {
        this.snapshots = snapshots;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.startsWith(PREFIX) ? path.substring(PREFIX.length()).split("/", -1) : new String[0];
        boolean trailingSlash = parts.length == 3 && parts[2].isEmpty();
        Optional<FeedFormat> format = parts.length == 2 || trailingSlash ? FeedFormat.of(parts[0]) : Optional.empty();
        if (format.isEmpty()) {
            notFound(response);
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD");
            response.setContentLength(0);
            return;
        }
        if (settings.maintenance()) {
            maintenance(response, format.get(), "HEAD".equals(method));
            return;
        }
        Optional<FeedFile> file = snapshots.file(parts[1], format.get());
        if (file.isEmpty()) {
            notFound(response);
            return;
        }
        serve(request, response, file.get(), "HEAD".equals(method));
    }

    private static void serve(HttpServletRequest request, HttpServletResponse response, FeedFile file, boolean head)
            throws IOException {
        response.setHeader("ETag", file.etag());
        response.setDateHeader("Last-Modified", file.lastModified().toEpochMilli());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Encoding");
        if (notModified(request, file)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        byte[] bytes = file.body();
        String accept = request.getHeader("Accept-Encoding");
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            response.setHeader("Content-Encoding", "gzip");
            bytes = file.gzip();
        }
        response.setContentLength(bytes.length);
        if (!head) {
            response.getOutputStream().write(bytes);
        }
    }

    /** If-None-Match wins over If-Modified-Since, as RFC 9110 says. */
    static boolean notModified(HttpServletRequest request, FeedFile file) {
        String noneMatch = request.getHeader("If-None-Match");
        if (noneMatch != null) {
            for (String tag : noneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(file.etag()) || t.equals("W/" + file.etag())) {
                    return true;
                }
            }
            return false;
        }
        String since = request.getHeader("If-Modified-Since");
        if (since == null) {
            return false;
        }
        try {
            Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(since.trim(), Instant::from);
            return !file.lastModified().isAfter(at);
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
