package app.ratelink.system;

import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The SMTP server mail goes to, from the {@code spring.mail.*} properties, or none when {@code spring.mail.host}
 * is empty (mail is then kept in the outbox, {@link Mailer}). Spring Boot's mail auto-configuration decides this
 * with a condition, and Spring's AOT processing (the fast start, ADR 7) evaluates conditions once, when the jar
 * is built: a jar built without a mail host would never send mail. Here the decision is taken when the
 * application starts, in both modes; the sender is configured as Boot's own would be.
 */
@Configuration(proxyBeanMethods = false)
class SmtpConfiguration {

    /** No bean (a {@code null} factory result) without a host: {@code ObjectProvider.getIfAvailable()} is null. */
    @Bean
    JavaMailSender smtp(Environment environment, ObjectProvider<SslBundles> sslBundles) {
        MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class)
                .orElseGet(MailProperties::new);
        if (!StringUtils.hasText(mail.getHost())) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        String protocol = StringUtils.hasLength(mail.getProtocol()) ? mail.getProtocol() : "smtp";
        MailProperties.Ssl ssl = mail.getSsl();
        if (ssl.isEnabled() || StringUtils.hasLength(ssl.getBundle())) {
            if (ssl.isVerifyHostname()) {
                properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            if (ssl.isEnabled()) {
                properties.setProperty("mail." + protocol + ".ssl.enable", "true");
            }
        }
        if (StringUtils.hasLength(ssl.getBundle())) {
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("spring.mail.ssl.bundle is set but no SSL bundles are configured");
            }
            properties.put("mail." + protocol + ".ssl.socketFactory",
                    bundles.getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
        }
        if (!properties.isEmpty()) {
            sender.setJavaMailProperties(properties);
        }
        return sender;
    }
}
