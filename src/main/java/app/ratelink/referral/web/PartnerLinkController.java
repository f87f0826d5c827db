package app.ratelink.referral.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.ratelink.referral.LinkVisits;

/** The partner link {@code /ref/{code}/} (and without the slash) that monitorings send clients through. */
@Controller
class PartnerLinkController {

    private final LinkVisits visits;

    PartnerLinkController(LinkVisits visits) {
        this.visits = visits;
    }

    @GetMapping({"/ref/{code}", "/ref/{code}/"})
    void follow(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) {
        String target = visits.follow(code, request, response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + target);
        // A cached redirect would skip the next click of the same browser.
        response.setHeader("Cache-Control", "no-store");
    }
}
