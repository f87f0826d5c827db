package app.ratelink.system.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import app.ratelink.system.Languages;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * The language of a page: {@code ?lang=ru|en} (then kept in the {@code lang} cookie), else the browser's
 * {@code Accept-Language}, else the operator's {@code defaultLanguage}. Every page gets the header's language
 * switch ({@code languageSwitch}) and the {@code hreflang} alternates ({@code alternates}). Machine answers
 * (feeds, partner API, operator API) use no texts, so the language never changes them.
 */
@Configuration(proxyBeanMethods = false)
class SiteLanguage implements WebMvcConfigurer {

    static final String PARAMETER = "lang";
    static final String COOKIE = "lang";
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(365);
    private static final String[] MACHINE_PATHS = {"/service/**", "/api/**", "/actuator/**", "/webjars/**",
            "/css/**", "/js/**"};

    private final Settings settings;
    private final MessageSource messages;

    SiteLanguage(Settings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new Resolver(settings);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Links(settings, messages)).excludePathPatterns(MACHINE_PATHS);
    }

    /** One entry of the language switch: the language's own name and this page in it. */
    public record Choice(String code, String name, String href, boolean current) {
    }

    /** An {@code hreflang} alternate: this page's absolute address in one language. */
    public record Alternate(String hreflang, String href) {
    }

    static final class Resolver implements LocaleResolver {

        private final Settings settings;

        Resolver(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Optional<Locale> chosen = Languages.of(request.getParameter(PARAMETER));
            if (chosen.isPresent()) {
                return chosen.get();
            }
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie c : cookies) {
                    if (COOKIE.equals(c.getName())) {
                        Optional<Locale> kept = Languages.of(c.getValue());
                        if (kept.isPresent()) {
                            return kept.get();
                        }
                    }
                }
            }
            // Without the header the container reports its own default locale: not the visitor's wish.
            if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
                for (Locale wanted : Collections.list(request.getLocales())) {
                    Optional<Locale> spoken = Languages.of(wanted.toLanguageTag());
                    if (spoken.isPresent()) {
                        return spoken.get();
                    }
                }
            }
            return Languages.of(settings.get(Setting.DEFAULT_LANGUAGE)).orElse(Languages.FALLBACK);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            if (response != null && locale != null) {
                keep(response, locale);
            }
        }
    }

    static void keep(HttpServletResponse response, Locale locale) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, locale.getLanguage()).path("/")
                .maxAge(COOKIE_LIFETIME).sameSite("Lax").httpOnly(true).build().toString());
    }

    /** Keeps a chosen language in the cookie, and gives every rendered page its language links. */
    static final class Links implements HandlerInterceptor {

        private final Settings settings;
        private final MessageSource messages;

        Links(Settings settings, MessageSource messages) {
            this.settings = settings;
            this.messages = messages;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Languages.of(request.getParameter(PARAMETER)).ifPresent(l -> keep(response, l));
            return true;
        }

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                               ModelAndView mav) {
            if (mav == null || mav.getViewName() != null && mav.getViewName().startsWith("redirect:")) {
                return;
            }
            Locale current = RequestContextUtils.getLocale(request);
            String path = path(request);
            String query = queryWithoutLang(request);
            List<Choice> choices = new ArrayList<>();
            List<Alternate> alternates = new ArrayList<>();
            String base = settings.baseUrl();
            for (Locale l : Languages.available()) {
                String href = path + "?" + (query.isEmpty() ? "" : query + "&") + PARAMETER + "=" + l.getLanguage();
                choices.add(new Choice(l.getLanguage(), messages.getMessage("site.language.name", null,
                        l.getLanguage(), l), href, l.getLanguage().equals(current.getLanguage())));
                alternates.add(new Alternate(l.getLanguage(), base + href));
            }
            alternates.add(new Alternate("x-default", base + path + (query.isEmpty() ? "" : "?" + query)));
            mav.addObject("languageSwitch", choices);
            mav.addObject("alternates", alternates);
        }

        /** The page's own path (for an error page, the address that failed). */
        private static String path(HttpServletRequest request) {
            Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String uri = failed instanceof String s ? s : request.getRequestURI();
            String context = request.getContextPath();
            String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
            // "//host" would be a link to another site.
            return "/" + path.replaceFirst("^/+", "");
        }

        private static String queryWithoutLang(HttpServletRequest request) {
            if (!"GET".equals(request.getMethod()) || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
                return "";
            }
            String query = request.getQueryString();
            if (query == null || query.isEmpty()) {
                return "";
            }
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !PARAMETER.equals(name)) {
                    kept.add(pair);
                }
            }
            return String.join("&", kept);
        }
    }
}
