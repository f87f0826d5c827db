package app.ratelink.partnerapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The partner API authenticates by its {@code api_key} parameter, not by session: robots post forms
 * without a CSRF token and must never get a session cookie.
 */
@Configuration
class PartnerApiSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain partnerApiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/service/partner/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
