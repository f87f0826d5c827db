package app.ratelink.referral.web;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.referral.ClickLog;
import app.ratelink.referral.ClickQuery;
import app.ratelink.system.Settings;

/** The operator's click log: every visit through partner links, with why a visit was not counted. */
@Controller
class AdminClicksController {

    private static final int PAGE = 100;
    static final List<String> FLAGS = List.of("counted", "not-counted", "bot", "head", "prefetch", "own");

    private final ClickLog log;
    private final Partners partners;
    private final Settings settings;

    AdminClicksController(ClickLog log, Partners partners, Settings settings) {
        this.log = log;
        this.partners = partners;
        this.settings = settings;
    }

    @GetMapping("/admin/clicks")
    String clicks(@RequestParam(required = false) String partner, @RequestParam(required = false) String flag,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String ip, @RequestParam(required = false) String browser,
                  @RequestParam(required = false) String referrer, @RequestParam(required = false) Long beforeId,
                  @RequestParam(required = false) Long beforeTime, Model model) {
        Long partnerId = null;
        boolean unknownPartner = false;
        if (partner != null && !partner.isBlank()) {
            String p = partner.trim();
            partnerId = partners.byCode(p).map(Partner::id)
                    .or(() -> p.matches("\\d{1,18}") ? partners.byId(Long.parseLong(p)).map(Partner::id)
                            : java.util.Optional.empty())
                    .orElse(null);
            unknownPartner = partnerId == null;
        }
        ClickLog.Page page = new ClickLog.Page(List.of(), false, null, null);
        if (!unknownPartner) {
            ClickQuery query = new ClickQuery(partnerId, Periods.date(from), Periods.date(to), browser, referrer, ip,
                    null, flag != null && FLAGS.contains(flag) ? flag : null, null, null);
            if (beforeId != null && Periods.cursorTime(beforeTime) != null) {
                query = query.before(Periods.cursorTime(beforeTime), beforeId);
            }
            page = log.page(query, PAGE);
        }
        model.addAttribute("clicks", page.rows());
        model.addAttribute("older", page.older());
        model.addAttribute("nextTime", page.older() ? page.nextTime().toEpochMilli() : null);
        model.addAttribute("nextId", page.nextId());
        model.addAttribute("unknownPartner", unknownPartner);
        model.addAttribute("flags", FLAGS);
        model.addAttribute("partner", partner == null ? "" : partner);
        model.addAttribute("flag", flag == null ? "" : flag);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("ip", ip == null ? "" : ip);
        model.addAttribute("browser", browser == null ? "" : browser);
        model.addAttribute("referrer", referrer == null ? "" : referrer);
        model.addAttribute("zone", settings.zone());
        return "referral/admin-clicks";
    }
}
