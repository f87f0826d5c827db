package app.ratelink.feed.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import app.ratelink.feed.FeedSnapshots;
import app.ratelink.system.Settings;

@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    @Bean
    FilterRegistrationBean<FeedFilter> feedFilter(FeedSnapshots snapshots, Settings settings, FeedSendfile sendfile) {
        FilterRegistrationBean<FeedFilter> registration =
                new FilterRegistrationBean<>(new FeedFilter(snapshots, settings, sendfile));
        registration.addUrlPatterns(FeedFilter.PREFIX + "*");
        // First of all filters, ahead of the metrics observation too: a monitoring's poll is bytes from memory,
        // and timing each one would cost more than answering it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("feedFilter");
        return registration;
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
