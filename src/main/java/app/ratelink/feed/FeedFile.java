package app.ratelink.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A rate file ready to send: its bytes, the same bytes gzipped once (not per request), strong ETags
 * (a hash of the bytes, so every node serving the same catalogue gives the same tag; the gzipped
 * representation has its own, as RFC 9110 asks of strong validators) and the time of the last change
 * that went into it, also as the HTTP date text so that no request formats or parses it again. Both
 * representations also come as read-only off-heap buffers, made with the file: a socket write takes those
 * as they are, where a byte array is first copied into a temporary native buffer on every request.
 */
public record FeedFile(byte[] body, byte[] gzip, String etag, String gzipEtag, Instant lastModified,
                       String lastModifiedText, boolean lastModifiedShared, String contentType,
                       ByteBuffer directBody, ByteBuffer directGzip) {

    /** IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); the JDK's RFC 1123 formatter does not pad the day. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);

    static FeedFile of(String text, Instant lastModified, String contentType) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String etag = etag(body);
        byte[] gzip = gzip(body);
        return new FeedFile(body, gzip, etag, etag.substring(0, etag.length() - 1) + "-gzip\"", lastModified,
                HTTP_DATE.format(lastModified.atOffset(ZoneOffset.UTC)), false, contentType, direct(body), direct(gzip));
    }

    /** A buffer of its own for each write (position and limit are per buffer); the bytes are shared. */
    public ByteBuffer direct(boolean gzipped) {
        return (gzipped ? directGzip : directBody).duplicate();
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    /**
     * Another content of this file had the same Last-Modified second (two changes within one second): a
     * client sending that date back may hold either, so the date alone cannot earn it a 304.
     */
    FeedFile sharingLastModified() {
        return new FeedFile(body, gzip, etag, gzipEtag, lastModified, lastModifiedText, true, contentType, directBody,
                directGzip);
    }

    /** Whether this file must be marked as sharing its date with the file it replaces. */
    boolean sharesLastModifiedWith(FeedFile previous) {
        return previous != null && previous.lastModified.equals(lastModified)
                && (previous.lastModifiedShared || !Arrays.equals(previous.body, body));
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
