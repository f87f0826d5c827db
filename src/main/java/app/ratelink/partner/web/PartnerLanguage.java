package app.ratelink.partner.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.ratelink.partner.Partners;
import app.ratelink.system.Languages;

/**
 * A partner who picks a language with the switch in the cabinet's header ({@code ?lang=}) has chosen it for
 * the mails too: it is kept on the partner (payout decisions are written in it).
 */
@Configuration(proxyBeanMethods = false)
class PartnerLanguage implements WebMvcConfigurer {

    private final Partners partners;

    PartnerLanguage(Partners partners) {
        this.partners = partners;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Languages.of(request.getParameter("lang")).ifPresent(language -> Partners.currentPartnerId()
                        .ifPresent(id -> partners.chooseLanguage(id, language)));
                return true;
            }
        }).addPathPatterns("/account", "/account/**");
    }
}
