package app.ratelink.testing;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * Base of HTTP tests whose clients come through a proxy on loopback and name their address in
 * X-Forwarded-For. No proxy is trusted unless the operator names one (issue 15), so these tests name
 * loopback for their own duration and restore the default after each test: the context is shared.
 */
public abstract class BehindLoopbackProxy extends IntegrationTest {

    @Autowired
    protected Settings settings;

    @BeforeEach
    void loopbackIsTheProxy() {
        settings.update(Map.of(Setting.TRUSTED_PROXIES, "127.0.0.1,::1"));
    }

    @AfterEach
    void noProxyAgain() {
        settings.update(Map.of(Setting.TRUSTED_PROXIES, Setting.TRUSTED_PROXIES.defaultValue()));
    }
}
