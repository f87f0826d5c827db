package app.ratelink.system;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this e-mail or address: the attempt was refused without checking it. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    public LoginThrottledException(Duration wait) {
        super("Too many failed attempts");
        this.wait = wait;
    }

    public Duration waitTime() {
        return wait;
    }
}
