package app.ratelink.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.ratelink.system.Settings;

/**
 * Maintenance mode (setting {@code maintenance}, SPEC §7 "site offline"): the public pages where clients
 * start an exchange (home, {@code /exchange/…}) answer 503 with {@code Retry-After} and the site's styled
 * error page in the reader's language, as the feeds answer their maintenance body. The admin and the cabinet
 * keep working, so the operator can switch it off; an existing order's page stays open to its client.
 */
@Configuration(proxyBeanMethods = false)
class MaintenancePages implements WebMvcConfigurer, HandlerInterceptor {

    /** The feeds ask robots to come back after the same five minutes. */
    static final int RETRY_AFTER_SECONDS = 300;

    private final Settings settings;

    MaintenancePages(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/", "/exchange", "/exchange/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!settings.maintenance()) {
            return true;
        }
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return false;
    }
}
