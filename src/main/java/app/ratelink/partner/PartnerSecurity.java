package app.ratelink.partner;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.DelegatingMissingAuthorityAccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

import app.ratelink.system.ClientAddress;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.system.SqlTime;
import app.ratelink.twofactor.SecondFactor;
import app.ratelink.twofactor.TwoFactor;

/**
 * The partner cabinet: form login at {@code /login} (fields {@code email}, {@code password}) against
 * partner accounts only, {@code /account/**} for ROLE_PARTNER, CSRF on every form, a new session id on
 * login (session fixation), and sessions that end when the partner is banned or its password or e-mail
 * changes elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class PartnerSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain partnerChain(HttpSecurity http, PartnerLogin login, Settings settings, JdbcClient jdbc,
                                     TwoFactor twoFactor) throws Exception {
        // A partner with TOTP enrolled needs its code after the password (SecondFactor): a page of the cabinet
        // without it sends to /login/code; any other refusal keeps its old answer.
        DelegatingMissingAuthorityAccessDeniedHandler denied = DelegatingMissingAuthorityAccessDeniedHandler.builder()
                .addEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login/code"), TwoFactor.AUTHORITY).build();
        denied.setDefaultAccessDeniedHandler((req, res, ex) -> {
            if (ex instanceof CsrfException) {
                new AccessDeniedHandlerImpl().handle(req, res, ex);
            } else {
                res.sendRedirect(req.getContextPath() + "/login");
            }
        });
        AuthenticationProvider password = login.provider();
        AuthenticationProvider withFactors = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                Authentication auth = password.authenticate(attempt);
                if (auth == null || !(auth.getPrincipal() instanceof PartnerPrincipal p)) {
                    return auth;
                }
                List<GrantedAuthority> authorities = new ArrayList<>(auth.getAuthorities());
                authorities.add(SecondFactor.password(p.authenticatedAt()));
                return UsernamePasswordAuthenticationToken.authenticated(
                        p.withTwoFactor(twoFactor.enabled(p.twoFactorSubject())), null, authorities);
            }

            @Override
            public boolean supports(Class<?> type) {
                return password.supports(type);
            }
        };
        http.securityMatcher("/login", "/login/code", "/logout", "/register", "/register/**", "/password/**",
                        "/account", "/account/**")
                // Our own manager without a parent: partner credentials are never tried against admins.
                .authenticationManager(new ProviderManager(withFactors))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login/code").hasRole("PARTNER")
                        .requestMatchers("/account", "/account/**")
                                .access(SecondFactor.required(AuthorityAuthorizationManager.hasRole("PARTNER")))
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("email").passwordParameter("password")
                        .authenticationDetailsSource(request -> new PartnerLogin.Details(
                                ClientAddress.of(request.getRemoteAddr(),
                                        request.getHeader("X-Forwarded-For"), settings.get(Setting.TRUSTED_PROXIES))))
                        .defaultSuccessUrl("/account/partner", false)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                // Logged in as something else (e.g. the admin in the same browser): offer the partner login.
                // A missing or wrong CSRF token stays a plain 403.
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .addFilterAfter(new StillValid(jdbc), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** Ends a cabinet session whose partner was banned, deleted, or changed credentials after logging in. */
    static final class StillValid extends OncePerRequestFilter {

        private final JdbcClient jdbc;

        StillValid(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        private record State(boolean banned, Instant credentialsChangedAt) {
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof PartnerPrincipal p && !valid(p)) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
            chain.doFilter(request, response);
        }

        private boolean valid(PartnerPrincipal p) {
            Optional<State> state = jdbc.sql("SELECT banned, credentials_changed_at FROM partners WHERE id = :id")
                    .param("id", p.partnerId())
                    .query((rs, n) -> new State(rs.getBoolean("banned"), SqlTime.instant(rs, "credentials_changed_at")))
                    .optional();
            return state.isPresent() && !state.get().banned()
                    && (state.get().credentialsChangedAt() == null
                        || !state.get().credentialsChangedAt().isAfter(p.authenticatedAt()));
        }
    }
}
