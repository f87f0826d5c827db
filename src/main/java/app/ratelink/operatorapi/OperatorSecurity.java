package app.ratelink.operatorapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator API is for machines (the rate parser, the operator's back office): a static bearer
 * token ({@code ratelink.operator-token}), no session, no CSRF. With no token configured the API is closed.
 * The same token guards the metrics endpoints ({@code /actuator/metrics}, {@code /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain operatorApiChain(HttpSecurity http, @Value("${ratelink.operator-token:}") String token)
            throws Exception {
        // Metrics name partners' traffic and the shop's load: for the operator's scraper, not the public.
        // Health and info stay open for load balancers.
        http.securityMatcher("/api/operator/**", "/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .addFilterBefore(new BearerTokenFilter(token), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/operator/v1/openapi.json", "/api/operator/v1/openapi.json/**",
                                "/api/operator/docs", "/api/operator/docs/**",
                                // The UI's own files: it loads without the token, which is typed into it.
                                "/api/operator/swagger-ui", "/api/operator/swagger-ui/**").permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> unauthorized(res)));
        return http.build();
    }

    private static void unauthorized(HttpServletResponse res) throws IOException {
        res.setStatus(401);
        res.setHeader("WWW-Authenticate", "Bearer realm=\"ratelink-operator\"");
        res.setContentType("application/problem+json");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"A valid operator bearer token is required\"}");
    }

    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final byte[] expected;

        BearerTokenFilter(String token) {
            this.expected = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (expected != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(expected, presented)) {
                    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "operator", null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
                }
            }
            chain.doFilter(request, response);
        }
    }
}
