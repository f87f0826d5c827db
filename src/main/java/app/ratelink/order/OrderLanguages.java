package app.ratelink.order;

import java.util.Locale;
import java.util.Set;

/** The languages an order's mails can be written in (those with an {@code i18n/orders} bundle). */
public final class OrderLanguages {

    public static final String DEFAULT = "en";
    private static final Set<String> SUPPORTED = Set.of("en", "ru");

    private OrderLanguages() {
    }

    /** A supported language code for a tag or code ("ru-RU", "RU", "ru"); English otherwise. */
    public static String of(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return DEFAULT;
        }
        String language = Locale.forLanguageTag(languageTag.trim().replace('_', '-')).getLanguage();
        return SUPPORTED.contains(language) ? language : DEFAULT;
    }

    public static String of(Locale locale) {
        return locale == null ? DEFAULT : of(locale.toLanguageTag());
    }

    public static Locale locale(String language) {
        return Locale.forLanguageTag(of(language));
    }
}
