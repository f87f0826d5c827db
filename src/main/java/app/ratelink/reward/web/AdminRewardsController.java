package app.ratelink.reward.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Direction;
import app.ratelink.money.Decimals;
import app.ratelink.reward.RewardLevels;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * {@code /admin/rewards}: the reward scheme — base (profit or amount), the default percent and the level
 * table edited row by row (a turnover threshold in USD and its percent; clear a row to remove it, fill an
 * empty one to add a level). Saved as the settings {@code rewardBase}, {@code rewardPercent} and
 * {@code rewardLevels}, all together or, when any row is wrong, not at all. New rewards follow at once;
 * rewards already credited stay as booked. Directions with their own percent or fixed reward are listed,
 * since they override the levels.
 */
@Controller
class AdminRewardsController {

    /** Empty rows offered for new levels. */
    static final int SPARE_ROWS = 3;
    private static final String NUMBER = "\\d{1,15}(\\.\\d{1,8})?";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Settings settings;
    private final Catalog catalog;

    private final MessageSource messages;

    AdminRewardsController(Settings settings, Catalog catalog, MessageSource messages) {
        this.messages = messages;
        this.settings = settings;
        this.catalog = catalog;
    }

    record LevelRow(String turnover, String percent, String error) {
    }

    record DirectionReward(String direction, String percent, String fixed) {
    }

    @GetMapping("/admin/rewards")
    String page(Model model) {
        List<LevelRow> rows = new ArrayList<>();
        for (RewardLevels.Level level : RewardLevels.parse(settings.get(Setting.REWARD_LEVELS)).levels()) {
            rows.add(new LevelRow(Decimals.plain(level.turnoverUsd()), Decimals.plain(level.percent()), null));
        }
        return render(new RewardsForm(settings.get(Setting.REWARD_BASE), settings.get(Setting.REWARD_PERCENT), null, null),
                rows, model);
    }

    @InitBinder("form")
    void rows(WebDataBinder binder) {
        RewardsForm.rows(binder);
    }

    /**
     * Every mistake is shown at once: the default percent and the base next to their fields, each wrong level
     * next to its row; nothing is saved while any remains.
     */
    @PostMapping("/admin/rewards")
    String save(@Valid @ModelAttribute("form") RewardsForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        List<String> t = form.turnover();
        List<String> p = form.levelPercent();
        List<LevelRow> rows = new ArrayList<>();
        List<RewardLevels.Level> levels = new ArrayList<>();
        Set<BigDecimal> thresholds = new HashSet<>();
        boolean wrong = false;
        for (int i = 0; i < Math.max(t.size(), p.size()); i++) {
            String turnover = i < t.size() && t.get(i) != null ? t.get(i).trim() : "";
            String levelPercent = i < p.size() && p.get(i) != null ? p.get(i).trim() : "";
            if (turnover.isEmpty() && levelPercent.isEmpty()) {
                continue;
            }
            String error = levelError(turnover, levelPercent, thresholds);
            wrong |= error != null;
            rows.add(new LevelRow(turnover, levelPercent, error));
            if (error == null) {
                levels.add(new RewardLevels.Level(new BigDecimal(turnover), new BigDecimal(levelPercent)));
            }
        }
        if (!result.hasFieldErrors("percent") && !isPercent(form.percent())) {
            result.rejectValue("percent", "admin.setting.rewardPercent.invalid",
                    "Enter a percentage from 0 to 100, e.g. 10 or 12.5.");
        }
        if (!result.hasFieldErrors("base") && !Setting.REWARD_BASE.accepts(form.base())) {
            result.rejectValue("base", "admin.rewards.baseInvalid", "Choose profit or amount");
        }
        if (wrong || result.hasErrors()) {
            model.addAttribute("failed", true);
            return render(form, rows, model);
        }
        Map<Setting, String> changes = new EnumMap<>(Setting.class);
        changes.put(Setting.REWARD_BASE, form.base());
        changes.put(Setting.REWARD_PERCENT, Decimals.plain(new BigDecimal(form.percent())));
        changes.put(Setting.REWARD_LEVELS, new RewardLevels(levels).text());
        settings.update(changes);
        redirect.addFlashAttribute("message", text("admin.rewards.saved"));
        return "redirect:/admin/rewards";
    }

    private String levelError(String turnover, String percent, Set<BigDecimal> thresholds) {
        if (!turnover.matches(NUMBER)) {
            return text("admin.rewards.turnoverInvalid");
        }
        if (!isPercent(percent)) {
            return text("admin.rewards.percentInvalid");
        }
        if (!thresholds.add(new BigDecimal(turnover).stripTrailingZeros())) {
            return text("admin.rewards.turnoverTwice");
        }
        return null;
    }

    private static boolean isPercent(String text) {
        return text.matches(NUMBER) && new BigDecimal(text).compareTo(HUNDRED) <= 0;
    }

    private String render(RewardsForm form, List<LevelRow> rows, Model model) {
        List<LevelRow> shown = new ArrayList<>(rows);
        if (rows.stream().allMatch(r -> r.error() == null)) {
            // Saved levels read best by threshold; rows with an error stay where the operator typed them.
            shown.sort(Comparator.comparing(r -> new BigDecimal(r.turnover())));
        }
        for (int i = 0; i < SPARE_ROWS; i++) {
            shown.add(new LevelRow("", "", null));
        }
        // A posted form is in the model already, with its errors: replacing it would drop them.
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("levels", shown);
        model.addAttribute("overrides", overrides());
        return "reward/admin-rewards";
    }

    private List<DirectionReward> overrides() {
        List<DirectionReward> result = new ArrayList<>();
        for (Direction d : catalog.directions()) {
            boolean fixed = d.rewardFixed() != null && d.rewardFixed().signum() > 0;
            if (d.rewardPercent() != null || fixed) {
                result.add(new DirectionReward(d.from() + " → " + d.to(),
                        d.rewardPercent() == null ? "" : Decimals.plain(d.rewardPercent()) + "%",
                        fixed ? Decimals.plain(d.rewardFixed()) + " USD" : ""));
            }
        }
        return result;
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
