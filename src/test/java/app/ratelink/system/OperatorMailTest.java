package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Operator mails are written in the site's defaultLanguage, English when it names none we speak. */
class OperatorMailTest {

    static Locale localeFor(String defaultLanguage) {
        Settings settings = mock(Settings.class);
        when(settings.get(Setting.DEFAULT_LANGUAGE)).thenReturn(defaultLanguage);
        return new OperatorMail(mock(Mailer.class), settings).locale();
    }

    @Test
    void theOperatorsLanguageIsTheSitesDefaultLanguage() {
        assertThat(localeFor("ru").getLanguage()).isEqualTo("ru");
        assertThat(localeFor("en").getLanguage()).isEqualTo("en");
        assertThat(localeFor("xx")).isEqualTo(Languages.FALLBACK);
        assertThat(localeFor("")).isEqualTo(Languages.FALLBACK);
    }
}
