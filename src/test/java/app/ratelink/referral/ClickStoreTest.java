package app.ratelink.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.partner.Partner;
import app.ratelink.partner.TestPartners;
import app.ratelink.system.SettingsFixtures;
import app.ratelink.testing.Engine;

/** Group-commit batches, daily aggregates and the streamed partner read, on H2 and PostgreSQL. */
class ClickStoreTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private static NewClick click(long partner, Instant at, String notCounted, String userHash) {
        return new NewClick(partner, at, at.atZone(java.time.ZoneOffset.UTC).toLocalDate(), notCounted, "Chrome 120",
                "Mozilla/5.0", "198.51.100.7", "https://monitoring.example/", "cur_from=PMUSD&cur_to=BTC", userHash,
                "/exchange/PMUSD/BTC");
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aBatchIsStoredWithItsIdsAndDailyAggregates(Engine engine) throws Exception {
        Partner p = TestPartners.create(engine.jdbc());
        Partner other = TestPartners.create(engine.jdbc());
        ClickStore store = new ClickStore(engine.dataSource());

        long[] ids = store.write(List.of(click(p.id(), T, null, "aaaaaaaaaaaa"), click(p.id(), T.plusSeconds(1), null,
                        "aaaaaaaaaaaa"), click(p.id(), T.plusSeconds(2), null, "bbbbbbbbbbbb"),
                click(p.id(), T.plusSeconds(3), NotCounted.BOT, "cccccccccccc"), click(other.id(), T, null, "aaaaaaaaaaaa")));
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertThat(ids[1]).isGreaterThan(ids[0]);
        // A later batch: one returning visitor, one new, one the next day.
        store.write(List.of(click(p.id(), T.plusSeconds(60), null, "bbbbbbbbbbbb"),
                click(p.id(), T.plusSeconds(61), null, "dddddddddddd"),
                click(p.id(), T.plusSeconds(86400), null, "aaaaaaaaaaaa")));

        // A batch of bots only: no visitor can be new.
        store.write(List.of(click(p.id(), T.plusSeconds(70), NotCounted.BOT, "eeeeeeeeeeee")));

        Map<String, Object> day = engine.jdbc().sql("SELECT clicks, visitors, not_counted FROM click_days"
                + " WHERE partner_id = :p AND click_day = :d").param("p", p.id()).param("d", DAY).query().singleRow();
        assertThat(((Number) day.get("clicks")).longValue()).isEqualTo(5);
        assertThat(((Number) day.get("visitors")).longValue()).isEqualTo(3);
        assertThat(((Number) day.get("not_counted")).longValue()).isEqualTo(2);
        Map<String, Object> next = engine.jdbc().sql("SELECT clicks, visitors FROM click_days"
                + " WHERE partner_id = :p AND click_day = :d").param("p", p.id()).param("d", DAY.plusDays(1))
                .query().singleRow();
        assertThat(((Number) next.get("clicks")).longValue()).isEqualTo(1);
        assertThat(((Number) next.get("visitors")).longValue()).isEqualTo(1);
        assertThat(engine.jdbc().sql("SELECT clicks FROM click_days WHERE partner_id = :p").param("p", other.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void partnersReadTheirCountedClicksNewestFirstWithInclusiveBoundsAndLimit(Engine engine) throws Exception {
        Partner p = TestPartners.create(engine.jdbc());
        Partner other = TestPartners.create(engine.jdbc());
        ClickStore store = new ClickStore(engine.dataSource());
        List<NewClick> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(click(p.id(), T.plusSeconds(i), null, "h" + i));
        }
        batch.add(click(p.id(), T.plusSeconds(5), NotCounted.HEAD, "x"));
        batch.add(click(p.id(), T.plusSeconds(5), NotCounted.OWN, "x"));
        batch.add(click(other.id(), T.plusSeconds(5), null, "x"));
        long[] ids = store.write(batch);
        // Same second as the 6th click, stored later: the id decides among equal times.
        long tie = store.write(List.of(click(p.id(), T.plusSeconds(5), null, "tie")))[0];

        Clicks clicks = new Clicks(engine.dataSource());
        List<Click> all = new ArrayList<>();
        clicks.eachOfPartner(p.id(), null, null, null, all::add);
        assertThat(all).hasSize(11);
        assertThat(all.get(0).id()).isEqualTo(ids[9]);
        assertThat(all.get(0).time()).isEqualTo(T.plusSeconds(9));
        assertThat(all.get(10).id()).isEqualTo(ids[0]);
        assertThat(all).extracting(Click::userHash).doesNotContain("x");
        assertThat(all.get(4).id()).isEqualTo(tie);
        assertThat(all.get(5).id()).isEqualTo(ids[5]);
        Click first = all.get(10);
        assertThat(first.browser()).isEqualTo("Chrome 120");
        assertThat(first.ip()).isEqualTo("198.51.100.7");
        assertThat(first.referrer()).isEqualTo("https://monitoring.example/");
        assertThat(first.queryString()).isEqualTo("cur_from=PMUSD&cur_to=BTC");

        List<Click> range = new ArrayList<>();
        clicks.eachOfPartner(p.id(), T.plusSeconds(2), T.plusSeconds(4), null, range::add);
        assertThat(range).extracting(Click::time).containsExactly(T.plusSeconds(4), T.plusSeconds(3), T.plusSeconds(2));

        List<Click> limited = new ArrayList<>();
        clicks.eachOfPartner(p.id(), T.plusSeconds(3), null, 2, limited::add);
        assertThat(limited).extracting(Click::time).containsExactly(T.plusSeconds(9), T.plusSeconds(8));

        List<Click> none = new ArrayList<>();
        clicks.eachOfPartner(p.id(), null, null, 0, none::add);
        clicks.eachOfPartner(p.id(), T.plusSeconds(100), null, null, none::add);
        assertThat(none).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void subIdsAreStoredWithTheirClickInTheSameBatch(Engine engine) throws Exception {
        Partner p = TestPartners.create(engine.jdbc());
        NewClick base = click(p.id(), T, null, "aaaaaaaaaaaa");
        NewClick tagged = new NewClick(p.id(), T, DAY, null, "Chrome 120", "UA", "198.51.100.7", "", "sub1=abc",
                "aaaaaaaaaaaa", "/", new app.ratelink.order.SubIds("abc", "", "s3", "", "s'5", "x".repeat(300)));
        long[] ids = new ClickStore(engine.dataSource()).write(List.of(base, tagged));
        Map<String, Object> plain = engine.jdbc().sql("SELECT * FROM clicks WHERE id = :id").param("id", ids[0])
                .query().singleRow();
        Map<String, Object> row = engine.jdbc().sql("SELECT * FROM clicks WHERE id = :id").param("id", ids[1])
                .query().singleRow();
        assertThat(plain.get("sub1")).isEqualTo("");
        assertThat(plain.get("sub_click_id")).isEqualTo("");
        assertThat(row.get("sub1")).isEqualTo("abc");
        assertThat(row.get("sub2")).isEqualTo("");
        assertThat(row.get("sub3")).isEqualTo("s3");
        assertThat(row.get("sub5")).isEqualTo("s'5");
        assertThat((String) row.get("sub_click_id")).isEqualTo("x".repeat(128));
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void valuesAreCroppedToTheColumnsNeverRefused(Engine engine) throws Exception {
        Partner p = TestPartners.create(engine.jdbc());
        String longReferrer = "https://example.com/" + "r".repeat(5000);
        NewClick c = new NewClick(p.id(), T, DAY, null, NewClick.crop("B".repeat(100), NewClick.BROWSER),
                NewClick.crop("UA\0" + "u".repeat(1000), NewClick.USER_AGENT), NewClick.crop("1.2.3.4", NewClick.IP),
                NewClick.crop(longReferrer, NewClick.REFERRER), NewClick.crop("q=" + "é".repeat(3000), NewClick.QUERY_STRING),
                "abcdefabcdef", NewClick.crop("/" + "t".repeat(900), NewClick.TARGET));
        long id = new ClickStore(engine.dataSource()).write(List.of(c))[0];
        Map<String, Object> row = engine.jdbc().sql("SELECT * FROM clicks WHERE id = :id").param("id", id).query().singleRow();
        assertThat((String) row.get("referrer")).hasSize(1024).isEqualTo(longReferrer.substring(0, 1024));
        assertThat((String) row.get("user_agent")).hasSize(512).startsWith("UA\uFFFD");
        assertThat((String) row.get("query_string")).hasSize(2048);
        assertThat((String) row.get("browser")).hasSize(64);
        assertThat(NewClick.crop("ab\uD83D\uDE00", 3)).isEqualTo("ab");
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void listingsPageNewestFirstWithFiltersAndContinueWhereTheyStopped(Engine engine) throws Exception {
        Partner p = TestPartners.create(engine.jdbc());
        Partner other = TestPartners.create(engine.jdbc());
        ClickStore store = new ClickStore(engine.dataSource());
        List<NewClick> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            NewClick c = click(p.id(), T.plusSeconds(i), i == 3 ? NotCounted.BOT : null, "h" + i);
            batch.add(i % 2 == 0 ? c : new NewClick(c.partnerId(), c.createdAt(), c.day(), c.notCounted(), "Firefox 121",
                    c.userAgent(), c.ip(), c.referrer(), c.queryString(), c.userHash(), c.target()));
        }
        batch.add(click(other.id(), T.plusSeconds(3), null, "o"));
        store.write(batch);
        ClickLog log = new ClickLog(engine.dataSource(), SettingsFixtures.settings(engine, Clock.systemUTC()));

        ClickQuery mine = ClickQuery.ofPartner(p.id(), null, null, null, null, null);
        ClickLog.Page first = log.page(mine, 4);
        assertThat(first.rows()).extracting(ClickRow::userHash).containsExactly("h6", "h5", "h4", "h2");
        assertThat(first.older()).isTrue();
        ClickLog.Page second = log.page(mine.before(first.nextTime(), first.nextId()), 4);
        assertThat(second.rows()).extracting(ClickRow::userHash).containsExactly("h1", "h0");
        assertThat(second.older()).isFalse();

        ClickLog.Page firefox = log.page(ClickQuery.ofPartner(p.id(), null, null, "FIREFOX", null, null), 10);
        assertThat(firefox.rows()).extracting(ClickRow::userHash).containsExactly("h5", "h1");
        ClickLog.Page bots = log.page(new ClickQuery(null, null, null, null, null, null, null, "bot", null, null), 10);
        assertThat(bots.rows()).extracting(ClickRow::userHash).contains("h3").doesNotContain("h2", "o");
        assertThat(bots.rows().get(0).partnerCode()).isNotBlank();

        List<ClickRow> exported = new ArrayList<>();
        log.each(ClickQuery.ofPartner(p.id(), null, null, "firefox", null, null), exported::add);
        assertThat(exported).extracting(ClickRow::userHash).containsExactly("h5", "h1");
    }
}
