package app.ratelink.order.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * {@code /rules}: the exchange rules a client accepts on directions that require consent. The operator writes
 * them in the setting {@code exchangeRules}; until then a built-in text in the visitor's language is shown.
 */
@Controller
class RulesController {

    private final Settings settings;
    private final MessageSource messages;

    RulesController(Settings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/rules")
    String rules(Model model) {
        String text = settings.get(Setting.EXCHANGE_RULES);
        if (text.isBlank()) {
            text = messages.getMessage("orders.rules.default", null, LocaleContextHolder.getLocale());
        }
        List<String> paragraphs = Arrays.stream(text.split("\\R\\s*\\R")).map(String::trim).filter(p -> !p.isEmpty())
                .toList();
        model.addAttribute("paragraphs", paragraphs);
        return "public/rules";
    }
}
