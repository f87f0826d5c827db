package app.ratelink.partnerapi.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.ratelink.system.Settings;

/**
 * The partner program's public pages: {@code /partners} (how monitorings integrate: the partner link,
 * {@code cur_from}/{@code cur_to}, the rate export links) and {@code /partners/api} (the partner API
 * reference, in the seed's own words plus the extra methods), the latter also in the cabinet.
 */
@Controller
class PartnerDocsController {

    private final Settings settings;

    PartnerDocsController(Settings settings) {
        this.settings = settings;
    }

    @GetMapping({"/partners", "/partners/", "/partners/api"})
    String docs(Model model) {
        model.addAttribute("base", settings.baseUrl());
        return "partnerapi/docs";
    }

    /** The same reference inside the cabinet, beside the APIs page where keys are made. */
    @GetMapping("/account/api/docs")
    String accountDocs(Model model) {
        model.addAttribute("base", settings.baseUrl());
        return "partnerapi/account-docs";
    }
}
