package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import app.ratelink.testing.ChildApplication;
import app.ratelink.testing.ChildCatalogue;
import app.ratelink.testing.FreePorts;
import app.ratelink.testing.TestHttp;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast start (bin/ratelink, ADR 7) runs the context Spring's AOT processing generated at package time, with
 * Boot's conditions evaluated then. This starts that context (the packaged classes, {@code spring.aot.enabled})
 * and uses it as people do: the operator API, a partner's log-in through the form, a stored click, an order
 * whose mail reaches a real SMTP server given only at start-up, and on JDK 21+ requests on virtual threads.
 */
class FastStartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ORDER = Pattern.compile("/order/([A-Za-z0-9_-]+)$");
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";

    @Test
    @Timeout(240)
    void theAotProcessedContextWorksAsThePlainOne(@TempDir Path dir) throws Exception {
        int smtpPort = FreePorts.next();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (ChildApplication app = ChildApplication.start(dir.resolve("data"), List.of("-Dspring.aot.enabled=true"),
                List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort))) {
            String log = Files.readString(app.log());
            assertThat(log).contains("Starting AOT-processed RatelinkApplication");
            if (Runtime.version().feature() >= 21) {
                assertThat(log).contains("Requests are answered on virtual threads");
            }

            TestHttp operator = new TestHttp(app.base()).withHeader("Authorization", "Bearer " + ChildApplication.OPERATOR_TOKEN);
            ChildCatalogue.dollarToCoin(operator, "AOUSD", "AOBTC");
            String email = "aot-" + UUID.randomUUID().toString().substring(0, 8) + "@partners.test";
            HttpResponse<String> created = operator.json("POST", "/api/operator/v1/partners",
                    "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");
            ChildCatalogue.ok(created);
            String code = JSON.readTree(created.body()).get("code").asString();

            TestHttp cabinet = new TestHttp(app.base());
            cabinet.get("/login");
            HttpResponse<String> login = cabinet.postForm("/login", Map.of("email", email, "password", "correct horse battery"));
            assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/account/partner");
            assertThat(cabinet.get("/account/partner").body()).contains("/ref/" + code + "/");

            TestHttp client = new TestHttp(app.base()).withHeader("User-Agent", UA);
            HttpResponse<String> click = client.get("/ref/" + code + "/?cur_from=AOUSD&cur_to=AOBTC");
            assertThat(click.statusCode()).isEqualTo(302);
            assertThat(click.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("rl_ref="));

            client.get("/exchange/AOUSD/AOBTC");
            HttpResponse<String> placed = client.postForm("/exchange/AOUSD/AOBTC",
                    Map.of("amount", "1000", "account", "bc1qaotclient", "email", "client@example.test"));
            Matcher order = ORDER.matcher(placed.headers().firstValue("Location").orElse(""));
            assertThat(order.find()).as(placed.statusCode() + " " + placed.body()).isTrue();
            assertThat(operator.get("/api/operator/v1/orders/" + order.group(1)).statusCode()).isEqualTo(200);

            assertThat(mail.waitForIncomingEmail(30_000, 1)).as("the order mail through SMTP").isTrue();
            MimeMessage received = mail.getReceivedMessages()[0];
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("client@example.test");
        } finally {
            mail.stop();
        }
    }
}
