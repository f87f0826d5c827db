package app.ratelink.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.ratelink.system.MailOutbox;
import app.ratelink.system.Settings;

/** {@code /admin/outbox}: the mail the site sent, with the text when no SMTP server is configured. */
@Controller
class AdminOutboxController {

    private final MailOutbox outbox;
    private final Settings settings;

    AdminOutboxController(MailOutbox outbox, Settings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("zone", settings.zone());
        model.addAttribute("mails", outbox.recent(200));
        return "admin/outbox";
    }
}
