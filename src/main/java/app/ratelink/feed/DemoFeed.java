package app.ratelink.feed;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With demo data, an empty database gets a BestChange-style profile so the feeds answer at once. */
@Component
@Order(20)
class DemoFeed implements ApplicationRunner {

    private final FeedProfiles profiles;
    private final boolean enabled;

    DemoFeed(FeedProfiles profiles, @Value("${ratelink.demo-data:false}") boolean enabled) {
        this.profiles = profiles;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && profiles.all().isEmpty()) {
            profiles.save("bestchange", new FeedProfiles.Change("BestChange", true, "classic", List.of(), Map.of()));
            profiles.save("eref", new FeedProfiles.Change("EREF 1.1 monitorings", true, "eref-1.1", List.of(), Map.of()));
        }
    }
}
