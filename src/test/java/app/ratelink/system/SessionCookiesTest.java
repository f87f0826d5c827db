package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;

class SessionCookiesTest {

    @Test
    void sessionCookieIsSecureWhenTheSiteIsServedOverHttps() throws Exception {
        MockServletContext https = new MockServletContext();
        new SessionCookies().secureSessionCookie("https://exchange.example").onStartup(https);
        assertThat(https.getSessionCookieConfig().isSecure()).isTrue();

        MockServletContext laptop = new MockServletContext();
        new SessionCookies().secureSessionCookie("http://localhost:8080").onStartup(laptop);
        assertThat(laptop.getSessionCookieConfig().isSecure()).isFalse();
    }
}
