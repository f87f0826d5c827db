package app.ratelink.referral.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import app.ratelink.referral.LinkVisits;

/** Puts the partner link filter first, before metrics, security and MVC (see {@link PartnerLinkFilter}). */
@Configuration(proxyBeanMethods = false)
class PartnerLinkConfiguration {

    @Bean
    FilterRegistrationBean<PartnerLinkFilter> partnerLinkFilter(LinkVisits visits) {
        FilterRegistrationBean<PartnerLinkFilter> registration = new FilterRegistrationBean<>(new PartnerLinkFilter(visits));
        registration.addUrlPatterns("/ref/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("partnerLinkFilter");
        return registration;
    }
}
