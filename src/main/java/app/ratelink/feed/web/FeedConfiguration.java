package app.ratelink.feed.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.ratelink.feed.FeedRobots;
import app.ratelink.feed.FeedSnapshots;
import app.ratelink.system.DatabaseStatus;
import app.ratelink.system.Settings;

@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    /**
     * Feeds are answered by Tomcat's engine, before the web application: ahead of the metrics observation too,
     * since a monitoring's poll is bytes from memory and timing each one would cost more than answering it.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> feedValve(FeedSnapshots snapshots, Settings settings,
            FeedSendfile sendfile, DatabaseStatus database, FeedRobots robots) {
        return factory -> factory.addEngineValves(new FeedValve(snapshots, settings, sendfile, database, robots));
    }

    /** Tomcat's socket write buffer: a response that fits leaves in one write (FeedSendfile.MIN_BYTES). */
    static final int WRITE_BUFFER_BYTES = 128 * 1024;

    /**
     * Tomcat's socket write buffer, 8 KB by default, sends a gzipped rate file (about 20 KB for 2,000
     * directions) in three writes and the 66 KB TXT in nine; 128 KB sends either with its headers in one
     * write, and off-heap (direct) the JDK does not copy it once more into a temporary native buffer first.
     * bench/feeds.sh, TXT of 2,000 directions, CPU per request (server + wrk): 35.4 + 21.7 µs through
     * sendfile with a 32 KB buffer, 33.5 + 21.6 from memory with a direct 32 KB one, 27.8 + 19.9 with a
     * direct 128 KB one (nginx 17.5 + 18.0): docs/adr/0004. The cost is 128 KB of native memory (not heap)
     * per open connection, 8 MB for 64 kept-alive monitorings' connections.
     */
    @Bean
    TomcatConnectorCustomizer feedWriteBuffer() {
        return connector -> {
            connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
            connector.setProperty("socket.directBuffer", "true");
        };
    }

    @Bean(destroyMethod = "close")
    FeedSendfile feedSendfile() {
        return FeedSendfile.inTemporaryFolder();
    }
}
