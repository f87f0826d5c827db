package app.ratelink.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.partner.Partner;
import app.ratelink.partner.TestPartners;
import app.ratelink.testing.Engine;

/** The outbox's claim on H2 and PostgreSQL: due rows only, oldest first, a row held by one worker skipped by the others. */
class PostbackRepositoryTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static Optional<PostbackRepository.Delivery> claim(Engine engine, PostbackRepository repository, Instant now,
                                                      Long only) {
        Optional<PostbackRepository.Delivery> found = engine.transactions().execute(tx -> repository.claimDue(now, only));
        return found;
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aDeliveryHeldByOneWorkerIsSkippedByTheOtherAndPausedEndpointsWait(Engine engine) throws Exception {
        Partner p = TestPartners.create(engine.jdbc());
        PostbackRepository repository = new PostbackRepository(engine.jdbc());
        long endpoint = repository.insertEndpoint(p.id(), "http://example.com/", "GET", Set.of("order.created"), "s", T);
        long first = repository.insertDelivery(endpoint, "e1", "order.created", "{}", T);
        long second = repository.insertDelivery(endpoint, "e2", "order.created", "{}", T.plusSeconds(1));
        long later = repository.insertDelivery(endpoint, "e3", "order.created", "{}", T.plusSeconds(60));

        assertThat(claim(engine, repository, T.minusSeconds(1), null)).isEmpty();

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<PostbackRepository.Delivery>> a = CompletableFuture.supplyAsync(() ->
                engine.transactions().execute(tx -> {
                    Optional<PostbackRepository.Delivery> d = repository.claimDue(T.plusSeconds(10), null);
                    held.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return d;
                }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Optional<PostbackRepository.Delivery> b = claim(engine, repository, T.plusSeconds(10), null);
        Optional<PostbackRepository.Delivery> onlyFirst = claim(engine, repository, T.plusSeconds(10), first);
        release.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS)).map(PostbackRepository.Delivery::id).hasValue(first);
        assertThat(b).map(PostbackRepository.Delivery::id).hasValue(second);
        assertThat(onlyFirst).as("held by the other worker").isEmpty();

        repository.delivered(first, T.plusSeconds(10));
        repository.retryAt(second, T.plusSeconds(100));
        assertThat(claim(engine, repository, T.plusSeconds(99), null))
                .map(PostbackRepository.Delivery::id).hasValue(later);
        repository.pause(endpoint, p.id(), Endpoint.BY_PARTNER, T);
        assertThat(claim(engine, repository, T.plusSeconds(200), null)).isEmpty();
        repository.resume(endpoint, p.id(), T.plusSeconds(200));
        assertThat(claim(engine, repository, T.plusSeconds(200), null))
                .map(PostbackRepository.Delivery::attempts).hasValue(0);

        assertThat(repository.failing(endpoint, T)).isEqualTo(T);
        assertThat(repository.failing(endpoint, T.plusSeconds(5))).as("failing since the first failure").isEqualTo(T);
        repository.working(endpoint);
        assertThat(repository.endpoint(endpoint).orElseThrow().failingSince()).isNull();
    }
}
