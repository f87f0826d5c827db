package app.ratelink.catalog.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.ratelink.catalog.Landing;

/** Registers the monitoring landing redirect on public pages (not on machine, cabinet or admin URLs). */
@Configuration(proxyBeanMethods = false)
class PublicWebConfiguration implements WebMvcConfigurer {

    private final Landing landing;

    PublicWebConfiguration(Landing landing) {
        this.landing = landing;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LandingRedirects(landing))
                .addPathPatterns("/**")
                .excludePathPatterns("/ref", "/ref/**", "/service/**", "/api/**", "/admin", "/admin/**",
                        "/account", "/account/**", "/webjars/**", "/css/**", "/js/**", "/actuator/**",
                        "/order/**", "/error", "/favicon.ico");
    }
}
