package app.ratelink.partnerapi.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import app.ratelink.partnerapi.ApiAnswer;
import app.ratelink.partnerapi.ApiCall;
import app.ratelink.partnerapi.ApiEnvelope;
import app.ratelink.partnerapi.ApiError;
import app.ratelink.partnerapi.PartnerApi;
import app.ratelink.system.ClientAddress;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * {@code /service/partner/api.php}, the URL of the seed, for GET and form POST alike. The answer is
 * written straight to the response so that long lists stream instead of being built in memory.
 */
@Controller
class PartnerApiController {

    private final PartnerApi api;
    private final ApiEnvelope envelope;
    private final Settings settings;

    PartnerApiController(PartnerApi api, ApiEnvelope envelope, Settings settings) {
        this.api = api;
        this.envelope = envelope;
        this.settings = settings;
    }

    @RequestMapping(path = "/service/partner/api.php", method = {RequestMethod.GET, RequestMethod.POST})
    void call(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ApiAnswer answer;
        try {
            String address = ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                    settings.get(Setting.TRUSTED_PROXIES));
            answer = api.answer(ApiCall.from(request::getParameter), address);
        } catch (ApiError error) {
            response.setStatus(error.httpStatus());
            if (error.retryAfterSeconds() > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
            }
            envelope.error(error, response.getOutputStream());
            return;
        }
        envelope.success(answer, response.getOutputStream());
    }
}
