package app.ratelink.system;

import java.util.Locale;

import org.springframework.stereotype.Service;

/**
 * Mail to the exchanger's operators (new orders, paid orders, payout requests, alerts): one mail to each
 * address of the setting {@code operatorEmails}, none when it is empty.
 */
@Service
public class OperatorMail {

    private final Mailer mailer;
    private final Settings settings;

    OperatorMail(Mailer mailer, Settings settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    /**
     * The language operator mails are written in: the site's {@code defaultLanguage} (the addresses of
     * {@code operatorEmails} are not accounts with a language of their own), English when that is unknown.
     */
    public Locale locale() {
        return Languages.of(settings.get(Setting.DEFAULT_LANGUAGE)).orElse(Languages.FALLBACK);
    }

    public void send(String subject, String text) {
        for (String address : settings.get(Setting.OPERATOR_EMAILS).split(",")) {
            if (!address.isBlank()) {
                mailer.send(address.trim(), subject, text);
            }
        }
    }
}
