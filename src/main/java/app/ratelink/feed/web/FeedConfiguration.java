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

    /**
     * Tomcat's socket write buffer, 8 KB by default, sends a gzipped rate file (about 20 KB for 2,000
     * directions) in three writes; 32 KB sends it with its headers in one. bench/feeds.sh measured about
     * +35 % requests/s on the gzipped XML. The cost is 24 KB more per open connection.
     */
    @Bean
    TomcatConnectorCustomizer feedWriteBuffer() {
        return connector -> connector.setProperty("socket.appWriteBufSize", "32768");
    }

    @Bean(destroyMethod = "close")
    FeedSendfile feedSendfile() {
        return FeedSendfile.inTemporaryFolder();
    }
}
