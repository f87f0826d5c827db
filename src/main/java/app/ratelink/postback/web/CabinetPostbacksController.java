package app.ratelink.postback.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.partner.Partners;
import app.ratelink.postback.Attempt;
import app.ratelink.postback.Endpoint;
import app.ratelink.postback.PostbackEvent;
import app.ratelink.postback.PostbackRefused;
import app.ratelink.postback.Postbacks;
import app.ratelink.system.Settings;
import app.ratelink.system.web.Formats;

/**
 * Cabinet → Postbacks ({@code /account/postbacks}): the partner's endpoints, a form to add one (fields
 * {@code url}, {@code method}, {@code events}), the secret of a new endpoint shown once in
 * {@code id="postback-secret"}, pause / resume / delete, "send test event", and the delivery log. A GET only
 * reads; every change is a POST.
 */
@Controller
class CabinetPostbacksController {

    private final Postbacks postbacks;
    private final Settings settings;
    private final Formats formats;

    CabinetPostbacksController(Postbacks postbacks, Settings settings, Formats formats) {
        this.postbacks = postbacks;
        this.settings = settings;
        this.formats = formats;
    }

    record EndpointRow(long id, String url, String method, List<String> events, boolean active, String pausedReason,
                       String failingSince) {
    }

    record AttemptRow(long endpointId, String time, String event, String eventId, String status, long durationMs,
                      boolean succeeded, String response) {
    }

    @GetMapping("/account/postbacks")
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PostbackForm.empty());
        }
        return show(model);
    }

    private String show(Model model) {
        long partnerId = partnerId();
        ZoneId zone = settings.zone();
        model.addAttribute("endpoints", postbacks.endpoints(partnerId).stream().map(e -> new EndpointRow(e.id(),
                e.url(), e.method(), Arrays.stream(PostbackEvent.values()).map(PostbackEvent::wireName)
                        .filter(e::wants).toList(), e.active(), e.pausedReason(),
                e.failingSince() == null ? null : formats.time(e.failingSince(), zone))).toList());
        model.addAttribute("log", postbacks.log(partnerId).stream().map(a -> row(a, formats.time(a.time(), zone))).toList());
        model.addAttribute("pending", postbacks.pending(partnerId));
        model.addAttribute("eventNames", Arrays.stream(PostbackEvent.values()).map(PostbackEvent::wireName).toList());
        model.addAttribute("zone", zone.getId());
        return "postback/postbacks";
    }

    private static AttemptRow row(Attempt a, String time) {
        return new AttemptRow(a.endpointId(), time, a.event(), a.eventId(),
                a.httpStatus() == null ? "—" : Integer.toString(a.httpStatus()), a.durationMs(), a.succeeded(),
                a.response());
    }

    @PostMapping("/account/postbacks")
    String create(@Valid @ModelAttribute("form") PostbackForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Postbacks.Created created = postbacks.create(partnerId(), form.url(), form.method(), form.events());
                redirect.addFlashAttribute("secret", created.secret());
                redirect.addFlashAttribute("createdId", created.endpoint().id());
                return "redirect:/account/postbacks";
            } catch (PostbackRefused refused) {
                errors.rejectValue(refused.field(), refused.code(), refused.args(), refused.code());
            }
        }
        return show(model);
    }

    @PostMapping("/account/postbacks/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        Optional<Attempt> attempt = postbacks.sendTest(partnerId(), id);
        if (attempt.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("tested", id);
        redirect.addFlashAttribute("testSucceeded", attempt.get().succeeded());
        redirect.addFlashAttribute("testStatus", attempt.get().httpStatus() == null ? "—"
                : Integer.toString(attempt.get().httpStatus()));
        return "redirect:/account/postbacks";
    }

    @PostMapping("/account/postbacks/{id}/pause")
    String pause(@PathVariable long id) {
        postbacks.pause(partnerId(), id);
        return "redirect:/account/postbacks";
    }

    @PostMapping("/account/postbacks/{id}/resume")
    String resume(@PathVariable long id) {
        if (!postbacks.resume(partnerId(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/account/postbacks";
    }

    @PostMapping("/account/postbacks/{id}/delete")
    String delete(@PathVariable long id) {
        if (!postbacks.delete(partnerId(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/account/postbacks";
    }

    private static long partnerId() {
        return Partners.currentPartnerId().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
