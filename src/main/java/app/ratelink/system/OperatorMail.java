package app.ratelink.system;

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

    public void send(String subject, String text) {
        for (String address : settings.get(Setting.OPERATOR_EMAILS).split(",")) {
            if (!address.isBlank()) {
                mailer.send(address.trim(), subject, text);
            }
        }
    }
}
