package app.ratelink.admin;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;


/**
 * {@code java -jar ratelink.jar --reset-admin=EMAIL}: for the owner locked out of its only account. Prints a
 * new one-time password (to be changed at the next login) and exits. {@code main} runs it in a small context
 * of its own ({@link AdminResetContext}: the database, its migrations, the admin accounts and the audit trail), without
 * a web server, the site's security chains or the scheduled jobs. Runs right after the first admin is created
 * (an empty database gets its owner, then the reset).
 */
@Component
@Order(1)
public class AdminResetCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String OPTION = "reset-admin";

    private final AdminAccounts accounts;
    private final PrintStream out;
    private int exitCode;

    AdminResetCommand(AdminAccounts accounts) {
        this.accounts = accounts;
        this.out = System.out;
    }

    /** The e-mail of {@code --reset-admin=EMAIL} among the program's arguments. */
    public static Optional<String> command(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith("--" + OPTION + "="))
                .map(a -> a.substring(OPTION.length() + 3)).findFirst();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> values = args.getOptionValues(OPTION);
        if (values == null || values.isEmpty()) {
            return;
        }
        String email = values.get(0);
        Optional<String> password = accounts.resetToOneTimePassword(email);
        if (password.isPresent()) {
            out.println("One-time password of admin " + AdminAccounts.normalized(email) + ": " + password.get());
            out.println("Log in at /admin/login with it; you will be asked to choose a new password.");
            exitCode = 0;
        } else {
            out.println("No admin with the e-mail " + email + ". Admins: "
                    + accounts.all().stream().map(Admin::email).toList());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
