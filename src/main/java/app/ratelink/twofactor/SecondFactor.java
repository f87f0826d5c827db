package app.ratelink.twofactor;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ConditionalAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The second factor in Spring Security 7's multi-factor terms. A password login carries
 * {@code FACTOR_PASSWORD}; an account with TOTP enrolled also needs {@value TwoFactor#AUTHORITY}, which only
 * the code page grants. {@link #required} wraps a chain's rule: granted by the rule, then (for an enrolled
 * account) decided by an {@link AllRequiredFactorsAuthorizationManager}, whose decision names the missing
 * factor, so {@code exceptionHandling().defaultDeniedHandlerForMissingAuthority(codePage, AUTHORITY)} sends
 * the browser to the code page and back to the page it asked for.
 */
public final class SecondFactor {

    private SecondFactor() {
    }

    public static <T> AuthorizationManager<T> required(AuthorizationManager<T> rule) {
        AuthorizationManager<T> factors = AllRequiredFactorsAuthorizationManager.<T>builder()
                .requireFactor(f -> f.passwordAuthority())
                .requireFactor(f -> f.authority(TwoFactor.AUTHORITY))
                .build();
        AuthorizationManager<T> secondFactor = ConditionalAuthorizationManager.<T>when(SecondFactor::enrolled)
                .whenTrue(factors).whenFalse((auth, object) -> new AuthorizationDecision(true)).build();
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, T object) {
                AuthorizationResult result = rule.authorize(authentication, object);
                if (result == null || !result.isGranted()) {
                    return result;
                }
                return secondFactor.authorize(authentication, object);
            }
        };
    }

    static boolean enrolled(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof TwoFactorAccount a && a.twoFactorEnabled();
    }

    /** Whether this session still owes its code (logged in with the password, TOTP enrolled, no code yet). */
    public static boolean pending(Authentication auth) {
        return enrolled(auth) && !hasFactor(auth);
    }

    public static boolean hasFactor(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> TwoFactor.AUTHORITY.equals(a.getAuthority()));
    }

    /** The password factor, for login providers of our own (Spring's DAO provider adds it by itself). */
    public static FactorGrantedAuthority password(Instant at) {
        return FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(at).build();
    }

    /**
     * The current session gains the TOTP factor, with {@code principal} in place of the current one (e.g. now
     * marked enrolled), and the session id changes (as at any change of privilege).
     */
    public static void grant(Object principal, Instant at, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        Authentication upgraded = current.toBuilder()
                .principal(principal)
                .authorities(a -> {
                    a.removeIf(g -> TwoFactor.AUTHORITY.equals(g.getAuthority()));
                    a.add(FactorGrantedAuthority.withAuthority(TwoFactor.AUTHORITY).issuedAt(at).build());
                })
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(upgraded);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }

    /** Replaces the principal of the current session, keeping its authorities (e.g. after enrolment ended). */
    public static void replacePrincipal(Object principal, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        Authentication replaced = current.toBuilder().principal(principal).build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(replaced);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }
}
