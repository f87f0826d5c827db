package app.ratelink.admin;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import app.ratelink.system.ClientAddress;
import app.ratelink.system.LoginAddresses;
import app.ratelink.system.Mailer;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.twofactor.SecondFactor;
import app.ratelink.twofactor.TwoFactor;

/**
 * Admin pages: their own login ({@code /admin/login}) against admin accounts only, then the roles by HTTP
 * method: every admin may read (GET) every admin page, only owners and operators may change (POST), and
 * {@code /admin/admins/**} is the owner's. Each admin's own account pages ({@code /admin/account/**}) are
 * open to every admin. An admin with TOTP enrolled must also have given its code ({@link SecondFactor}).
 * <p>
 * Each login is a row of {@link AdminSessions}; a request of an ended session (ended by the admin, by a
 * password or role change, by disabling the account) is logged out. An admin with a one-time password is
 * sent to change it, and one without two-factor while the owner requires it is sent to enrol.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    static final String SESSION_KEY = AdminSessions.SESSION_ATTRIBUTE;
    static final String CODE_PAGE = "/admin/login/code";
    static final String PASSWORD_PAGE = "/admin/account/password";
    static final String TWO_FACTOR_PAGE = "/admin/account/two-factor";

    @Bean
    @Order(2)
    SecurityFilterChain adminChain(HttpSecurity http, AdminLogin login, AdminAccounts accounts, AdminSessions sessions,
                                   LoginAddresses addresses, Mailer mailer, MessageSource messages, Settings settings)
            throws Exception {
        String owner = AdminRole.OWNER.role();
        String operator = AdminRole.OPERATOR.role();
        String support = AdminRole.SUPPORT.role();
        AuthorizationManager<RequestAuthorizationContext> anyAdmin =
                SecondFactor.required(AuthorityAuthorizationManager.hasAnyRole(owner, operator, support));
        SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();
        landing.setDefaultTargetUrl("/admin");
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/admin/login?error");
        http.securityMatcher("/admin", "/admin/**")
                // Our own manager without a parent: admin credentials are never tried against partners.
                .authenticationManager(new ProviderManager(login.provider()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/admin/login", "/admin/password/**").permitAll()
                        .requestMatchers(CODE_PAGE).hasRole("ADMIN")
                        .requestMatchers("/admin/admins", "/admin/admins/**")
                                .access(SecondFactor.required(AuthorityAuthorizationManager.hasRole(owner)))
                        .requestMatchers("/admin/account", "/admin/account/**", "/admin/logout").access(anyAdmin)
                        .requestMatchers(HttpMethod.GET, "/admin", "/admin/**").access(anyAdmin)
                        .requestMatchers(HttpMethod.HEAD, "/admin", "/admin/**").access(anyAdmin)
                        .anyRequest().access(SecondFactor.required(AuthorityAuthorizationManager.hasAnyRole(owner, operator))))
                .formLogin(f -> f.loginPage("/admin/login").loginProcessingUrl("/admin/login")
                        .usernameParameter("email").passwordParameter("password")
                        .authenticationDetailsSource(request -> new AdminLogin.Details(address(request, settings),
                                request.getHeader("User-Agent")))
                        .successHandler((request, response, auth) -> {
                            loggedIn(request, auth, sessions, addresses, mailer, messages);
                            landing.onAuthenticationSuccess(request, response, auth);
                        })
                        .failureHandler(failure)
                        .permitAll())
                .logout(l -> l.logoutUrl("/admin/logout")
                        .addLogoutHandler((request, response, auth) -> {
                            HttpSession session = request.getSession(false);
                            if (auth != null && auth.getPrincipal() instanceof AdminPrincipal p && session != null
                                    && session.getAttribute(SESSION_KEY) instanceof String key) {
                                sessions.end(p.id(), key);
                            }
                        })
                        .logoutSuccessUrl("/admin/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.defaultDeniedHandlerForMissingAuthority(
                        new LoginUrlAuthenticationEntryPoint(CODE_PAGE), TwoFactor.AUTHORITY))
                .addFilterAfter(new Gate(accounts, sessions), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * No global login: each chain brings its own authentication manager (admins, partners). Without a bean of
     * this type Spring Boot would create a default "user" with a generated password.
     */
    @Bean
    UserDetailsService noGlobalUsers() {
        return username -> {
            throw new UsernameNotFoundException("no global login");
        };
    }

    static String address(HttpServletRequest request, Settings settings) {
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                settings.get(Setting.TRUSTED_PROXIES));
    }

    /** Opens the session's row and tells the admin of a login from an address it never used. */
    private static void loggedIn(HttpServletRequest request, Authentication auth, AdminSessions sessions,
                                 LoginAddresses addresses, Mailer mailer, MessageSource messages) {
        if (!(auth.getPrincipal() instanceof AdminPrincipal p)) {
            return;
        }
        String address = auth.getDetails() instanceof AdminLogin.Details d ? d.address() : request.getRemoteAddr();
        String agent = auth.getDetails() instanceof AdminLogin.Details d ? d.userAgent() : null;
        request.getSession().setAttribute(SESSION_KEY, sessions.start(p.id(), address, agent));
        if (addresses.remember(AdminPrincipal.subject(p.id()), address)) {
            Locale locale = request.getLocale();
            Object[] args = {p.email(), address, agent == null ? "?" : agent};
            mailer.send(p.email(), messages.getMessage("admins.mail.newAddress.subject", args, locale),
                    messages.getMessage("admins.mail.newAddress.text", args, locale));
        }
    }

    /**
     * Ends the requests of ended sessions, and holds an admin on the page it must visit first: the password
     * change after a one-time password, the enrolment when the owner requires two-factor.
     */
    static final class Gate extends OncePerRequestFilter {

        private final AdminAccounts accounts;
        private final AdminSessions sessions;

        Gate(AdminAccounts accounts, AdminSessions sessions) {
            this.accounts = accounts;
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !(auth.getPrincipal() instanceof AdminPrincipal p)) {
                chain.doFilter(request, response);
                return;
            }
            HttpSession session = request.getSession(false);
            Object key = session == null ? null : session.getAttribute(SESSION_KEY);
            Optional<AdminAccounts.State> state = accounts.state(p.id());
            if (state.isEmpty() || state.get().disabled() || !(key instanceof String k) || !sessions.alive(p.id(), k)) {
                SecurityContextHolder.clearContext();
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/admin/login?ended");
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!SecondFactor.pending(auth) && !path.equals("/admin/logout") && !path.startsWith("/admin/login")) {
                if (state.get().mustChangePassword() && !path.equals(PASSWORD_PAGE)) {
                    response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                    return;
                }
                if (!state.get().mustChangePassword() && !p.twoFactorEnabled() && !path.startsWith(TWO_FACTOR_PAGE)
                        && !path.equals(PASSWORD_PAGE) && accounts.twoFactorRequired()) {
                    response.sendRedirect(request.getContextPath() + TWO_FACTOR_PAGE + "?required");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
