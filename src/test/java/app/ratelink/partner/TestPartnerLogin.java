package app.ratelink.partner;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A logged-in partner as the cabinet's security chain makes it, for MockMvc tests of cabinet pages. */
public record TestPartnerLogin(long partnerId) implements PartnerAccount {

    public static Authentication of(long partnerId) {
        return UsernamePasswordAuthenticationToken.authenticated(new TestPartnerLogin(partnerId), null,
                List.of(new SimpleGrantedAuthority("ROLE_PARTNER")));
    }
}
