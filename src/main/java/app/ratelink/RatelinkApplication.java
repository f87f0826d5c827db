package app.ratelink;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

import app.ratelink.admin.AdminResetCommand;
import app.ratelink.admin.AdminResetContext;

@SpringBootApplication(exclude = MailSenderAutoConfiguration.class) // system.SmtpConfiguration decides at start-up
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
     * A server command ({@code --reset-admin=EMAIL}), run once in its own small context without a web server
     * (handled before the web application would start); the command's exit code.
     */
    public static int command(String[] args) {
        // The fast start's AOT processing (ADR 7) covers the web application's context, not this one.
        SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--ratelink.demo-data=false"))
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AdminResetContext.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(all);
        return SpringApplication.exit(context);
    }
}
