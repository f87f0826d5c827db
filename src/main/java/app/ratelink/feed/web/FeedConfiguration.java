package app.ratelink.feed.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import app.ratelink.feed.FeedSnapshots;
import app.ratelink.system.Settings;

@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    @Bean
    FilterRegistrationBean<FeedFilter> feedFilter(FeedSnapshots snapshots, Settings settings) {
        FilterRegistrationBean<FeedFilter> registration = new FilterRegistrationBean<>(new FeedFilter(snapshots, settings));
        registration.addUrlPatterns(FeedFilter.PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("feedFilter");
        return registration;
    }
}
