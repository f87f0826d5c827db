package app.ratelink.catalog.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import app.ratelink.catalog.Landing;

/**
 * {@code cur_from}/{@code cur_to} work on any public page a monitoring may link to: the client is sent
 * (302) to the direction page, or home with the known side pre-selected and a notice. A page that already
 * is the target (a monitoring linking straight to the direction page with the parameters) is served as is.
 */
class LandingRedirects implements HandlerInterceptor {

    private final Landing landing;

    LandingRedirects(Landing landing) {
        this.landing = landing;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        Landing.Request choice = Landing.Request.of(request.getParameterMap());
        if (!choice.hasChoice()) {
            return true;
        }
        String target = landing.target(choice);
        if (isCurrentPage(target, request)) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + target);
        // A cached redirect would send the next client to yesterday's direction.
        response.setHeader("Cache-Control", "no-store");
        return false;
    }

    /** Same path, and every parameter of the target already present with the same value. */
    private static boolean isCurrentPage(String target, HttpServletRequest request) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String current = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(current)) {
            return false;
        }
        if (q < 0) {
            return true;
        }
        Map<String, String[]> params = request.getParameterMap();
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            String[] present = params.get(name);
            if (present == null || present.length == 0 || !value.equals(present[0])) {
                return false;
            }
        }
        return true;
    }
}
