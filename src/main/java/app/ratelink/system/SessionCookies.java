package app.ratelink.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * The session cookie is HttpOnly and SameSite=Lax always (application.properties), and Secure whenever the
 * site is served over HTTPS ({@code ratelink.base-url} starts with https): a plain-HTTP laptop run keeps
 * working, a production site never sends its session over plain HTTP.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

    @Bean
    ServletContextInitializer secureSessionCookie(@Value("${ratelink.base-url}") String baseUrl) {
        return servletContext -> {
            if (baseUrl.regionMatches(true, 0, "https://", 0, 8)) {
                servletContext.getSessionCookieConfig().setSecure(true);
            }
        };
    }
}
