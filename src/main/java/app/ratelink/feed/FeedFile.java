package app.ratelink.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A rate file ready to send: its bytes, the same bytes gzipped once (not per request), a strong ETag
 * (a hash of the bytes, so every node serving the same catalogue gives the same tag) and the time of
 * the last change that went into it.
 */
public record FeedFile(byte[] body, byte[] gzip, String etag, Instant lastModified, String contentType) {

    static FeedFile of(String text, Instant lastModified, String contentType) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new FeedFile(body, gzip(body), etag(body), lastModified, contentType);
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
