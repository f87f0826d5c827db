package app.ratelink.partner;

/** An account with this e-mail address exists already. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("An account with this e-mail address exists already");
    }
}
