package app.ratelink.testing;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The message bundles of the areas a unit test needs, loaded as the application loads them. */
public final class TestMessages {

    private TestMessages() {
    }

    public static MessageSource of(String... areas) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        for (String area : areas) {
            source.addBasenames("i18n/" + area);
        }
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
