package app.ratelink.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Validators of a file: tags per representation, the HTTP date, and dates shared by two contents. */
class FeedFileTest {

    static final Instant SECOND = Instant.parse("2026-03-05T07:08:09Z");

    @Test
    void tagsAndDate() {
        FeedFile file = FeedFile.of("A;B;1;2;3;\n", SECOND, FeedFormat.TXT.contentType());
        assertThat(file.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(file.gzipEtag()).isEqualTo(file.etag().replace("\"", "").transform(t -> "\"" + t + "-gzip\""));
        assertThat(file.lastModifiedText()).isEqualTo("Thu, 05 Mar 2026 07:08:09 GMT");
        assertThat(FeedFile.of("A;B;1;2;3;\n", SECOND, "x").etag()).isEqualTo(file.etag());
        assertThat(FeedFile.of("A;B;1;2;4;\n", SECOND, "x").etag()).isNotEqualTo(file.etag());
    }

    @Test
    void aSecondContentWithinTheSameSecondSharesTheDateUntilTheDateMoves() {
        FeedFile first = FeedFile.of("v1", SECOND, "x");
        FeedFile same = FeedFile.of("v1", SECOND, "x");
        FeedFile second = FeedFile.of("v2", SECOND, "x");
        assertThat(same.sharesLastModifiedWith(first)).isFalse();
        assertThat(same.sharesLastModifiedWith(null)).isFalse();
        assertThat(second.sharesLastModifiedWith(first)).isTrue();

        FeedFile shared = second.sharingLastModified();
        assertThat(shared.lastModifiedShared()).isTrue();
        assertThat(shared.etag()).isEqualTo(second.etag());
        // Rebuilt with the same bytes in the same second: a client may still hold v1 with this date.
        assertThat(FeedFile.of("v2", SECOND, "x").sharesLastModifiedWith(shared)).isTrue();
        // The next second's content has a date of its own.
        assertThat(FeedFile.of("v3", SECOND.plusSeconds(1), "x").sharesLastModifiedWith(shared)).isFalse();
    }
}
