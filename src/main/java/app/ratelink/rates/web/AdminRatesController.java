package app.ratelink.rates.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionKey;
import app.ratelink.money.Decimals;
import app.ratelink.rates.RateHistoryQuery;
import app.ratelink.rates.RatePoller;
import app.ratelink.rates.RateSource;
import app.ratelink.rates.RateSourceChange;
import app.ratelink.rates.RateSourceType;
import app.ratelink.rates.RateSources;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.FormErrors;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/rates}: the rate sources (add, edit, status, held jumps to accept), each source's values and
 * their chart, a formula direction's rate chart, and the formula preview the direction and currency forms
 * load with htmx as the admin types. GETs only read; every change is a POST.
 */
@Controller
class AdminRatesController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** What a chart shows by default: a day of minutes (the history keeps 30 days). */
    private static final Duration CHART = Duration.ofDays(1);

    private final RateSources sources;
    private final RateHistoryQuery history;
    private final RatePoller poller;
    private final Catalog catalog;
    private final Clock clock;
    private final MessageSource messages;

    AdminRatesController(RateSources sources, RateHistoryQuery history, RatePoller poller, Catalog catalog, Clock clock,
                         MessageSource messages) {
        this.messages = messages;
        this.sources = sources;
        this.history = history;
        this.poller = poller;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The source form as typed. */
    record SourceForm(@NotBlank(message = REQUIRED) @Pattern(regexp = "[a-z][a-z0-9_]{1,31}", message = "{refusal.rates.code}")
                      String code,
                      @NotBlank(message = "{refusal.rates.type}") String type,
                      @Size(max = 1000, message = TOO_LONG) String url,
                      @NotNull(message = REQUIRED) @Min(value = 1, message = MIN) @Max(value = 86_400, message = MAX)
                      Integer intervalSeconds,
                      @NotNull(message = REQUIRED) @Min(value = 1, message = MIN) @Max(value = 604_800, message = MAX)
                      Integer maxAgeSeconds,
                      @NotNull(message = REQUIRED) @DecimalMin(value = "0", inclusive = false, message = "{refusal.rates.maxJump}")
                      @DecimalMax(value = "1000", message = "{refusal.rates.maxJump}") BigDecimal maxJumpPercent,
                      @NotNull(message = REQUIRED) @Min(value = 1, message = MIN) @Max(value = 120, message = MAX)
                      Integer timeoutSeconds,
                      @Size(max = 200, message = TOO_LONG) String jsonPath) {

        private static final String REQUIRED = "{admin.form.required}";
        private static final String TOO_LONG = "{admin.form.tooLong}";
        private static final String MIN = "{refusal.min}";
        private static final String MAX = "{refusal.max}";

        static SourceForm empty() {
            return new SourceForm("", RateSourceType.BINANCE.code(), "", RateSource.DEFAULT_INTERVAL_SECONDS,
                    RateSource.DEFAULT_MAX_AGE_SECONDS, RateSource.DEFAULT_MAX_JUMP_PERCENT,
                    RateSource.DEFAULT_TIMEOUT_SECONDS, "");
        }

        static SourceForm of(RateSource s) {
            return new SourceForm(s.code(), s.type().code(), s.url(), s.intervalSeconds(), s.maxAgeSeconds(),
                    s.maxJumpPercent(), s.timeoutSeconds(), s.jsonPath());
        }
    }

    /** The preview as the fragment shows it: the error in the operator's language. */
    record Shown(String value, String error) {
    }

    /** A line of the sources table. */
    record SourceLine(RateSource source, boolean stale, int held) {
    }

    @GetMapping("/admin/rates")
    String list(@RequestParam(required = false) String code, Model model) {
        SourceForm form = code == null ? SourceForm.empty()
                : sources.source(code).map(SourceForm::of).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("form", form);
        return render(model);
    }

    @PostMapping("/admin/rates")
    String save(@Valid @ModelAttribute("form") SourceForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                sources.save(form.code(), new RateSourceChange(form.type(), form.url() == null ? "" : form.url(),
                        form.intervalSeconds(), form.maxAgeSeconds(), form.maxJumpPercent(), form.timeoutSeconds(),
                        form.jsonPath() == null ? "" : form.jsonPath()));
                redirect.addFlashAttribute("saved", form.code());
                return "redirect:/admin/rates/" + form.code();
            } catch (BadRequestException e) {
                FormErrors.refused(fieldOf(e.field()), e.refusal(), result);
            }
        }
        return render(model);
    }

    @GetMapping("/admin/rates/{code}")
    String source(@PathVariable String code, @RequestParam(required = false) String key, Model model) {
        RateSource s = sources.source(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var values = sources.values(code);
        String chartKey = key != null && values.containsKey(key) ? key : values.keySet().stream().findFirst().orElse(null);
        Instant now = clock.instant();
        model.addAttribute("s", s);
        model.addAttribute("stale", s.stale(now));
        model.addAttribute("values", values.values());
        model.addAttribute("held", values.values().stream().anyMatch(v -> v.held() != null));
        model.addAttribute("chartKey", chartKey);
        model.addAttribute("chart", chartKey == null ? null : chart(code + ":" + chartKey,
                history.source(code, chartKey, now.minus(CHART))));
        model.addAttribute("answerSize", sources.lastAnswer(code).size());
        model.addAttribute("directions", catalog.directions().stream()
                .filter(d -> d.rateFormula() != null && d.rateFormula().contains(code + ":")).toList());
        return "rates/source";
    }

    @PostMapping("/admin/rates/{code}/accept")
    String accept(@PathVariable String code, RedirectAttributes redirect) {
        redirect.addFlashAttribute("accepted", sources.acceptHeld(code));
        return "redirect:/admin/rates/" + code;
    }

    @GetMapping("/admin/rates/directions/{from}/{to}")
    String direction(@PathVariable String from, @PathVariable String to, Model model) {
        Direction d = catalog.direction(from, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("d", d);
        model.addAttribute("chart", chart(from + " → " + to,
                history.direction(new DirectionKey(from, to), clock.instant().minus(CHART))));
        return "rates/direction";
    }

    /**
     * The current value of a formula as typed in a direction's ({@code rateFormula}) or a currency's
     * ({@code reserveFormula}) form, or its error: an htmx fragment.
     */
    @GetMapping("/admin/rates/preview")
    String preview(@RequestParam(required = false) String rateFormula,
                   @RequestParam(required = false) String reserveFormula, Model model, Locale locale) {
        RateSources.Preview p = sources.preview(rateFormula != null ? rateFormula : reserveFormula);
        model.addAttribute("preview", new Shown(p.value(), p.error() == null ? null : messages.getMessage(p.error(), locale)));
        return "rates/preview :: preview";
    }

    private String render(Model model) {
        Instant now = clock.instant();
        List<SourceLine> lines = new ArrayList<>();
        for (RateSource s : sources.all()) {
            int held = (int) sources.values(s.code()).values().stream().filter(v -> v.held() != null).count();
            lines.add(new SourceLine(s, s.stale(now), held));
        }
        model.addAttribute("sources", lines);
        model.addAttribute("types", java.util.Arrays.stream(RateSourceType.values()).map(RateSourceType::code).toList());
        model.addAttribute("lease", poller.lease());
        model.addAttribute("staleDirections", sources.staleDirections());
        model.addAttribute("formulaDirections", catalog.directions().stream().filter(d -> d.rateFormula() != null).toList());
        return "rates/sources";
    }

    private static String fieldOf(String field) {
        return switch (field) {
            case "code", "type", "url", "intervalSeconds", "maxAgeSeconds", "maxJumpPercent", "timeoutSeconds", "jsonPath" -> field;
            default -> "code";
        };
    }

    /** Labels and values as the chart script reads them from the canvas' data-chart attribute. */
    private static String chart(String label, List<RateHistoryQuery.Point> points) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("label", label);
        data.put("labels", points.stream().map(p -> MINUTE.format(p.at())).toList());
        data.put("values", points.stream().map(p -> Decimals.plain(p.value())).toList());
        return JSON.writeValueAsString(data);
    }
}
