package app.ratelink.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that reads the wall clock. Everything else takes an injected {@link Clock},
 * so that tests can pin time and expiry/accrual logic is deterministic.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
