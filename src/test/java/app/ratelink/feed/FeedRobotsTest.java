package app.ratelink.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import app.ratelink.system.OperatorMail;
import app.ratelink.testing.Engine;
import app.ratelink.testing.MutableClock;

/**
 * Robot counts from memory to the database, merged across nodes, and the silence and error alerts, with an
 * injected clock, on H2 and PostgreSQL.
 */
class FeedRobotsTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final String AGENT = "BestChange robot/2.0";


    /** One node: its own counters and alert checker on the shared database. */
    record Node(FeedRobots robots, OperatorMail mail) {
        static Node on(Engine engine, MutableClock clock) {
            return on(engine, clock, Locale.ENGLISH);
        }

        /** A node whose operators read {@code language} (the site's defaultLanguage). */
        static Node on(Engine engine, MutableClock clock, Locale language) {
            ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
            messages.setBasenames("i18n/monitorings");
            messages.setDefaultEncoding("UTF-8");
            messages.setFallbackToSystemLocale(false);
            OperatorMail mail = mock(OperatorMail.class);
            when(mail.locale()).thenReturn(language);
            FeedRobotRepository repository = new FeedRobotRepository(engine.jdbc());
            return new Node(new FeedRobots(clock, repository, new FeedRobotAlerts(repository, mail, messages)), mail);
        }
    }

    /** A robot polling every minute for {@code hours} hours, flushed every minute as the job does. */
    static void pollFor(Node node, MutableClock clock, int hours, int status) {
        for (int minute = 0; minute < hours * 60; minute += 10) {
            node.robots().record("bestchange", "203.0.113.7", AGENT, status, status == 200 ? 1000 : 0);
            clock.advance(Duration.ofMinutes(10));
            node.robots().flush();
        }
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void countsAreKeptInMemoryUntilTheFlushAndMergedAcrossNodes(Engine engine) {
        MutableClock clock = new MutableClock(T0);
        Node a = Node.on(engine, clock);
        Node b = Node.on(engine, clock);
        a.robots().record("bestchange", "203.0.113.7", AGENT, 200, 5000);
        a.robots().record("bestchange", "203.0.113.7", AGENT, 304, 0);
        b.robots().record("bestchange", "203.0.113.7", AGENT, 200, 4000);
        b.robots().record("bestchange", "198.51.100.1", "curl/8", 404, 0);
        b.robots().record("eref", "203.0.113.7", AGENT, 200, 10);

        // Before any flush each node sees its own counts only; nothing is in the database.
        assertThat(a.robots().of("bestchange")).singleElement().satisfies(r -> {
            assertThat(r.requests()).isEqualTo(2);
            assertThat(r.notModified()).isEqualTo(1);
            assertThat(r.bytes()).isEqualTo(5000);
        });
        assertThat(engine.jdbc().sql("SELECT COUNT(*) FROM feed_robots").query(Long.class).single()).isZero();

        clock.advance(Duration.ofSeconds(30));
        a.robots().flush();
        b.robots().flush();
        a.robots().flush();
        List<FeedRobot> robots = a.robots().of("bestchange");
        assertThat(robots).hasSize(2);
        FeedRobot bc = robots.stream().filter(r -> r.address().equals("203.0.113.7")).findFirst().orElseThrow();
        assertThat(bc.requests()).isEqualTo(3);
        assertThat(bc.notModified()).isEqualTo(1);
        assertThat(bc.bytes()).isEqualTo(9000);
        assertThat(bc.lastStatus()).isEqualTo(200);
        assertThat(bc.userAgent()).isEqualTo(AGENT);
        assertThat(bc.firstSeen()).isEqualTo(T0);
        FeedRobot curl = robots.stream().filter(r -> r.address().equals("198.51.100.1")).findFirst().orElseThrow();
        assertThat(curl.lastStatus()).isEqualTo(404);
        assertThat(a.robots().of("eref")).singleElement().satisfies(r -> assertThat(r.bytes()).isEqualTo(10));

        // Later requests add up on top of what is stored, before and after the next flush.
        clock.advance(Duration.ofMinutes(1));
        b.robots().record("bestchange", "203.0.113.7", AGENT, 304, 0);
        assertThat(b.robots().of("bestchange").get(0)).satisfies(r -> {
            assertThat(r.requests()).isEqualTo(4);
            assertThat(r.notModified()).isEqualTo(2);
            assertThat(r.lastStatus()).isEqualTo(304);
            assertThat(r.lastSeen()).isEqualTo(clock.instant());
        });
        b.robots().flush();
        assertThat(a.robots().of("bestchange").get(0).requests()).isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aRegularRobotSilentFor30MinutesIsMailedOnceByOneOfTwoNodes(Engine engine) {
        MutableClock clock = new MutableClock(T0);
        Node a = Node.on(engine, clock);
        Node b = Node.on(engine, clock);
        pollFor(a, clock, 23, 200);
        verify(a.mail(), never()).send(anyString(), anyString());

        clock.advance(Duration.ofMinutes(15));
        a.robots().flush();
        b.robots().flush();
        verify(a.mail(), never()).send(anyString(), anyString());
        verify(b.mail(), never()).send(anyString(), anyString());

        clock.advance(Duration.ofMinutes(10));
        a.robots().flush();
        b.robots().flush();
        a.robots().flush();
        verify(a.mail(), times(1)).send(contains("stopped polling"), contains("203.0.113.7"));
        verify(b.mail(), never()).send(anyString(), anyString());

        // It comes back: the episode ends, and a new silence is mailed again.
        a.robots().record("bestchange", "203.0.113.7", AGENT, 200, 1000);
        a.robots().flush();
        clock.advance(Duration.ofMinutes(31));
        b.robots().flush();
        verify(b.mail(), times(1)).send(contains("stopped polling"), anyString());
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aRegularRobotGettingErrorsIsMailedOnce(Engine engine) {
        MutableClock clock = new MutableClock(T0);
        Node a = Node.on(engine, clock);
        pollFor(a, clock, 20, 200);
        // The profile was disabled: the robot keeps polling and gets 404s.
        for (int i = 0; i < 3; i++) {
            a.robots().record("bestchange", "203.0.113.7", AGENT, 404, 0);
            clock.advance(Duration.ofMinutes(2));
            a.robots().flush();
        }
        verify(a.mail(), times(1)).send(contains("gets errors"), contains("HTTP 404"));
        a.robots().record("bestchange", "203.0.113.7", AGENT, 404, 0);
        clock.advance(Duration.ofMinutes(2));
        a.robots().flush();
        verify(a.mail(), times(1)).send(anyString(), anyString());
    }

    /** The alert sends the operator to the admin page by the name its menu shows, in each language. */
    @org.junit.jupiter.api.Test
    void theAlertsNameTheFeedsPageAsTheAdminMenuDoes() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/monitorings", "i18n/admin");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            String menu = messages.getMessage("admin.nav.feeds", null, language);
            for (String key : List.of("monitorings.robots.mail.silent.text", "monitorings.robots.mail.errors.text")) {
                assertThat(messages.getMessage(key, new Object[] {"bestchange", "203.0.113.7", AGENT, "t", 404, "t"},
                        language)).as(key + " " + language).contains("(" + menu + ", bestchange)");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void operatorsWhoseSiteSpeaksRussianGetTheAlertsInRussian(Engine engine) {
        MutableClock clock = new MutableClock(T0);
        Node a = Node.on(engine, clock, Locale.forLanguageTag("ru"));
        pollFor(a, clock, 20, 200);
        for (int i = 0; i < 3; i++) {
            a.robots().record("bestchange", "203.0.113.7", AGENT, 404, 0);
            clock.advance(Duration.ofMinutes(2));
            a.robots().flush();
        }
        verify(a.mail(), times(1)).send(contains("робот получает ошибки"), contains("HTTP 404"));
        clock.advance(Duration.ofHours(1));
        Node b = Node.on(engine, clock, Locale.forLanguageTag("ru"));
        b.robots().record("bestchange", "203.0.113.7", AGENT, 200, 1000);
        b.robots().flush();
        clock.advance(Duration.ofMinutes(31));
        b.robots().flush();
        verify(b.mail(), times(1)).send(contains("робот перестал забирать файл"), contains("203.0.113.7"));
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aRobotThatPolledOnlyAFewHoursIsNotWatched(Engine engine) {
        MutableClock clock = new MutableClock(T0);
        Node a = Node.on(engine, clock);
        pollFor(a, clock, 5, 200);
        clock.advance(Duration.ofHours(2));
        a.robots().flush();
        pollFor(a, clock, 1, 503);
        clock.advance(Duration.ofMinutes(10));
        a.robots().flush();
        verify(a.mail(), never()).send(anyString(), anyString());
    }
}
