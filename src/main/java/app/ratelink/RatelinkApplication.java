package app.ratelink;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

import app.ratelink.admin.AdminResetCommand;
import app.ratelink.admin.AdminResetContext;

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
     * A server command ({@code --reset-admin=EMAIL}), run once in its own small context without a web server
     * (handled before the web application would start); the command's exit code.
     */
    public static int command(String[] args) {
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--ratelink.demo-data=false"))
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AdminResetContext.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(all);
        return SpringApplication.exit(context);
    }
}
