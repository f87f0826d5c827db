package app.ratelink.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every user-visible text lives in {@code i18n/<area>.properties} (English, the fallback) and one
 * {@code i18n/<area>_<lang>.properties} per further language. Each feature keeps its own area file, so
 * two features adding texts never edit the same file; every area found on the class path is loaded, so
 * adding an area or a language is adding files.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    static final String FOLDER = "i18n";

    @Bean
    MessageSource messageSource() throws IOException {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(areas());
        source.setDefaultEncoding("UTF-8");
        // English is the bundle without a suffix: a Russian text missing must never fall to the JVM's locale.
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    /** {@code i18n/orders}, {@code i18n/site}, …: the files without a language suffix. */
    static String[] areas() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "/*.properties");
        TreeSet<String> areas = new TreeSet<>();
        Arrays.stream(files).map(Resource::getFilename).filter(n -> n != null && !n.contains("_"))
                .forEach(n -> areas.add(FOLDER + "/" + n.substring(0, n.length() - ".properties".length())));
        return areas.toArray(String[]::new);
    }
}
