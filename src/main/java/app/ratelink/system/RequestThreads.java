package app.ratelink.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.autoconfigure.TomcatVirtualThreadsWebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Requests on virtual threads on JDK 21+ ({@code spring.threads.virtual.enabled}), decided by the JVM the
 * application runs on. Spring Boot decides it with a condition, which Spring's AOT processing (the fast start,
 * ADR 7) evaluates on the JDK that builds the jar: a jar built on JDK 17 would answer on platform threads on
 * JDK 25 too, where a click's hand-off to the click writer costs more (ADR 3). Without AOT, Boot's own
 * customizer does the same thing as this one.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

    private static final Logger log = LoggerFactory.getLogger(RequestThreads.class);

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> virtualRequestThreads(Environment environment) {
        return factory -> {
            if (Threading.VIRTUAL.isActive(environment)) {
                new TomcatVirtualThreadsWebServerFactoryCustomizer().customize(factory);
                log.info("Requests are answered on virtual threads");
            }
        };
    }
}
