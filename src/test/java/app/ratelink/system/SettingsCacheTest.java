package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.ratelink.testing.IntegrationTest;

/** The one-second settings cache never serves what another thread read before a change was committed. */
class SettingsCacheTest extends IntegrationTest {

    @Autowired
    Settings settings;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void restore() {
        settings.update(Map.of(Setting.COOKIE_LIFETIME_DAYS, "365"));
    }

    @Test
    void aReadDuringTheChangingTransactionIsNotServedAfterItsCommit() {
        settings.update(Map.of(Setting.COOKIE_LIFETIME_DAYS, "365"));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            settings.update(Map.of(Setting.COOKIE_LIFETIME_DAYS, "30"));
            // Another request thread reads now: it can only see the committed value, and caches it.
            assertThat(CompletableFuture.supplyAsync(() -> settings.integer(Setting.COOKIE_LIFETIME_DAYS)).join())
                    .isEqualTo(365);
        });
        assertThat(settings.integer(Setting.COOKIE_LIFETIME_DAYS)).isEqualTo(30);
        assertThat(CompletableFuture.supplyAsync(() -> settings.integer(Setting.COOKIE_LIFETIME_DAYS)).join())
                .isEqualTo(30);
    }

    @Test
    void aRolledBackChangeIsForgotten() {
        settings.update(Map.of(Setting.COOKIE_LIFETIME_DAYS, "365"));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            settings.update(Map.of(Setting.COOKIE_LIFETIME_DAYS, "30"));
            assertThat(settings.integer(Setting.COOKIE_LIFETIME_DAYS)).isEqualTo(30);
            status.setRollbackOnly();
        });
        assertThat(settings.integer(Setting.COOKIE_LIFETIME_DAYS)).isEqualTo(365);
    }
}
