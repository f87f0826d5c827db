package app.ratelink;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

import app.ratelink.admin.AdminResetCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RatelinkApplication {

    public static void main(String[] args) {
        if (AdminResetCommand.command(args).isPresent()) {
            System.exit(command(args));
        }
        SpringApplication.run(RatelinkApplication.class, args);
    }

    /**
     * A server command ({@code --reset-admin=EMAIL}): the application without an HTTP port (Spring Boot's
     * {@code server.port=-1}: the context is built, nothing listens) and without loading demo data into an
     * empty database, run once; the command's exit code.
     */
    public static int command(String[] args) {
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--ratelink.demo-data=false", "--server.port=-1"))
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RatelinkApplication.class)
                .logStartupInfo(false).run(all);
        return SpringApplication.exit(context);
    }
}
