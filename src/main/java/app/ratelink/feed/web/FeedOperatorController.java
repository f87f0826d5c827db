package app.ratelink.feed.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import app.ratelink.feed.FeedProfile;
import app.ratelink.feed.FeedProfiles;
import app.ratelink.feed.FeedRobot;
import app.ratelink.feed.FeedRobots;
import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.system.NotFoundException;

/** Feed profiles in the operator API: {@code PUT /api/operator/v1/feeds/{code}} and reading them back. */
@OperatorApi
@RequestMapping("/api/operator/v1/feeds")
class FeedOperatorController {

    private final FeedProfiles profiles;
    private final FeedRobots robots;

    FeedOperatorController(FeedProfiles profiles, FeedRobots robots) {
        this.profiles = profiles;
        this.robots = robots;
    }

    record FeedView(String code, String name, boolean enabled, String xmlFlavour, List<String> directions,
                    Map<String, String> aliases, String contentType, boolean amountSuffix, boolean legacyParam,
                    Long partnerId, Instant updatedAt) {
        static FeedView of(FeedProfile p) {
            return new FeedView(p.code(), p.name(), p.enabled(), p.xmlFlavour().code(), p.directions(), p.aliases(),
                    p.compatibility().contentType(), p.compatibility().amountSuffix(), p.compatibility().legacyParam(),
                    p.partnerId(), p.updatedAt());
        }
    }

    /** Every field optional; {@code partnerId} 0 removes the partner. */
    record FeedRequest(String name, Boolean enabled, String xmlFlavour, List<String> directions, Map<String, String> aliases,
                       String contentType, Boolean amountSuffix, Boolean legacyParam, Long partnerId) {
    }

    @GetMapping
    List<FeedView> all() {
        return profiles.all().stream().map(FeedView::of).toList();
    }

    @GetMapping("/{code}")
    FeedView one(@PathVariable String code) {
        return profiles.byCode(code).map(FeedView::of).orElseThrow(() -> new NotFoundException("No feed " + code));
    }

    /** Who polls the profile: {@code [{address, userAgent, requests, notModified, bytes, lastStatus, firstSeen, lastSeen}]}. */
    @GetMapping("/{code}/robots")
    List<FeedRobot> robots(@PathVariable String code) {
        profiles.byCode(code).orElseThrow(() -> new NotFoundException("No feed " + code));
        return robots.of(code);
    }

    @PutMapping("/{code}")
    FeedView save(@PathVariable String code, @RequestBody FeedRequest request) {
        return FeedView.of(profiles.save(code, new FeedProfiles.Change(request.name(), request.enabled(),
                request.xmlFlavour(), request.directions(), request.aliases(), request.contentType(),
                request.amountSuffix(), request.legacyParam(), request.partnerId())));
    }
}
