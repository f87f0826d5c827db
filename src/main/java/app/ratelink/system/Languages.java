package app.ratelink.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The languages the site speaks: English (the bundles without a suffix) and one more for every
 * {@code i18n/site_<lang>.properties} on the class path. Adding a language is adding its bundle files; the
 * switch in the header, the {@code ?lang=} parameter and the {@code defaultLanguage} setting follow.
 */
public final class Languages {

    public static final Locale FALLBACK = Locale.ENGLISH;

    private static final List<Locale> AVAILABLE = discover();

    private Languages() {
    }

    /** English first, then the others in alphabetical order of their code. */
    public static List<Locale> available() {
        return AVAILABLE;
    }

    /** The supported language of a tag such as {@code ru}, {@code RU} or {@code ru-RU}; empty when unknown. */
    public static Optional<Locale> of(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 20) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return AVAILABLE.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    public static boolean supports(String tag) {
        return of(tag).isPresent();
    }

    private static List<Locale> discover() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + MessageBundles.FOLDER + "/site_*.properties");
            TreeSet<String> codes = new TreeSet<>();
            Arrays.stream(files).map(Resource::getFilename).filter(n -> n != null && n.matches("site_[a-z]{2,3}\\.properties"))
                    .forEach(n -> codes.add(n.substring("site_".length(), n.length() - ".properties".length())));
            codes.remove(FALLBACK.getLanguage());
            List<Locale> result = new ArrayList<>();
            result.add(FALLBACK);
            codes.forEach(c -> result.add(Locale.forLanguageTag(c)));
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
