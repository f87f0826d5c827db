package app.ratelink.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which bodies go to Tomcat's sendfile, and that their files live exactly as long as they may be opened. */
class FeedSendfileTest {

    @TempDir
    Path dir;

    static MockHttpServletRequest tomcatRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/service/export/xml/bc");
        request.setAttribute("org.apache.tomcat.sendfile.support", Boolean.TRUE);
        return request;
    }

    static byte[] large(char c) {
        return String.valueOf(c).repeat(FeedSendfile.MIN_BYTES).getBytes();
    }

    @Test
    void aLargeBodyIsWrittenOnceAndHandedToSendfileWithItsRange() throws IOException {
        FeedSendfile sendfile = new FeedSendfile(dir);
        byte[] body = large('a');
        MockHttpServletRequest first = tomcatRequest();
        assertThat(sendfile.send(first, "\"abc\"", body)).isTrue();
        Path file = Path.of((String) first.getAttribute("org.apache.tomcat.sendfile.filename"));
        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(file.getFileName().toString()).isEqualTo("abc");
        assertThat(Files.readAllBytes(file)).isEqualTo(body);
        assertThat(first.getAttribute("org.apache.tomcat.sendfile.start")).isEqualTo(0L);
        assertThat(first.getAttribute("org.apache.tomcat.sendfile.end")).isEqualTo((long) body.length);

        MockHttpServletRequest second = tomcatRequest();
        assertThat(sendfile.send(second, "\"abc\"", body)).isTrue();
        assertThat(second.getAttribute("org.apache.tomcat.sendfile.filename")).isEqualTo(file.toString());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void smallBodiesAndServersWithoutSendfileAreWrittenByTheCaller() {
        FeedSendfile sendfile = new FeedSendfile(dir);
        MockHttpServletRequest small = tomcatRequest();
        assertThat(sendfile.send(small, "\"s\"", new byte[FeedSendfile.MIN_BYTES - 1])).isFalse();
        assertThat(small.getAttribute("org.apache.tomcat.sendfile.filename")).isNull();

        MockHttpServletRequest noSupport = new MockHttpServletRequest("GET", "/service/export/xml/bc");
        assertThat(sendfile.send(noSupport, "\"l\"", large('l'))).isFalse();

        assertThat(new FeedSendfile(null).send(tomcatRequest(), "\"l\"", large('l'))).isFalse();
        assertThat(sendfile.size()).isZero();
    }

    @Test
    void anUnaskedFileIsRetiredForOnePeriodThenDeleted() {
        FeedSendfile sendfile = new FeedSendfile(dir);
        MockHttpServletRequest request = tomcatRequest();
        sendfile.send(request, "\"old\"", large('o'));
        Path old = Path.of((String) request.getAttribute("org.apache.tomcat.sendfile.filename"));

        sendfile.cleanUp(); // asked for during this period: kept
        assertThat(sendfile.size()).isEqualTo(1);
        sendfile.cleanUp(); // not asked for since: forgotten, but a request may still be about to open it
        assertThat(sendfile.size()).isZero();
        assertThat(old).exists();
        sendfile.cleanUp(); // one period later nobody can be opening it
        assertThat(old).doesNotExist();

        MockHttpServletRequest again = tomcatRequest();
        assertThat(sendfile.send(again, "\"old\"", large('o'))).isTrue();
        assertThat(old).exists();
    }

    @Test
    void aFileRemovedBehindItsBackIsWrittenAgain() throws IOException {
        FeedSendfile sendfile = new FeedSendfile(dir);
        MockHttpServletRequest request = tomcatRequest();
        sendfile.send(request, "\"t\"", large('t'));
        Path file = Path.of((String) request.getAttribute("org.apache.tomcat.sendfile.filename"));
        Files.delete(file); // a temp-folder cleaner
        sendfile.cleanUp();
        assertThat(sendfile.send(tomcatRequest(), "\"t\"", large('t'))).isTrue();
        assertThat(file).exists();
    }

    @Test
    void closingRemovesTheFolder() {
        FeedSendfile sendfile = new FeedSendfile(dir.resolve("own"));
        assertThat(sendfile.send(tomcatRequest(), "\"x\"", large('x'))).isFalse(); // folder missing: from memory
        FeedSendfile real = FeedSendfile.inTemporaryFolder();
        MockHttpServletRequest request = tomcatRequest();
        assertThat(real.send(request, "\"x\"", large('x'))).isTrue();
        Path file = Path.of((String) request.getAttribute("org.apache.tomcat.sendfile.filename"));
        real.close();
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
    }
}
