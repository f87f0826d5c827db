package app.ratelink.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.CatalogChanged;
import app.ratelink.catalog.CatalogRevision;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;

/**
 * Every profile's files, built ahead of the requests: a monitoring polling every few seconds gets bytes
 * from memory, never a catalogue query. Rebuilt at once when this node changes the catalogue or a
 * profile, and within half a second when another node on the same database did (a poll of the catalogue
 * revision and the feed revision, two one-row reads).
 */
@Component
public class FeedSnapshots {

    private static final Logger log = LoggerFactory.getLogger(FeedSnapshots.class);

    private final Catalog catalog;
    private final FeedProfiles profiles;
    private volatile Built built;

    private record Built(String fingerprint, Map<String, Map<FeedFormat, FeedFile>> files) {
    }

    FeedSnapshots(Catalog catalog, FeedProfiles profiles) {
        this.catalog = catalog;
        this.profiles = profiles;
    }

    /** The file of an enabled profile; empty for an unknown or disabled code. */
    public Optional<FeedFile> file(String code, FeedFormat format) {
        Built current = built;
        if (current == null) {
            current = rebuild();
        }
        Map<FeedFormat, FeedFile> files = current.files().get(code);
        return files == null ? Optional.empty() : Optional.of(files.get(format));
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        rebuild();
    }

    /**
     * After the commit, still in the thread that made the change: when the operator's call returns, every
     * format already shows it. Built before the commit, a poll running meanwhile could read the old rows
     * and replace the new files with stale ones.
     */
    @TransactionalEventListener(classes = {CatalogChanged.class, FeedProfileChanged.class}, fallbackExecution = true)
    void changedHere() {
        rebuild();
    }

    @Scheduled(fixedDelay = 500, initialDelay = 500)
    void pollOtherNodes() {
        try {
            Built current = built;
            if (current == null || !current.fingerprint().equals(fingerprint(catalog.revision()))) {
                rebuild();
            }
        } catch (RuntimeException e) {
            // The database may be briefly away; the files in memory stay valid until it is back.
            log.warn("Feed refresh failed, serving the previous files: {}", e.toString());
        }
    }

    synchronized Built rebuild() {
        CatalogRevision revision = catalog.revision();
        String fingerprint = fingerprint(revision);
        List<Currency> currencies = catalog.currencies();
        List<Direction> directions = catalog.directions();
        Map<String, Map<FeedFormat, FeedFile>> files = new HashMap<>();
        for (FeedProfile profile : profiles.all()) {
            if (!profile.enabled()) {
                continue;
            }
            List<FeedLine> lines = FeedLines.of(currencies, directions, profile);
            Instant changed = revision.changedAt().isAfter(profile.updatedAt()) ? revision.changedAt() : profile.updatedAt();
            Instant lastModified = changed.truncatedTo(ChronoUnit.SECONDS);
            Map<FeedFormat, FeedFile> byFormat = new EnumMap<>(FeedFormat.class);
            Map<FeedFormat, FeedFile> before = built == null ? Map.of() : built.files().getOrDefault(profile.code(), Map.of());
            for (FeedFormat format : FeedFormat.values()) {
                FeedFile file = FeedFile.of(FeedWriters.write(format, profile.xmlFlavour(), lines), lastModified,
                        format.contentType());
                byFormat.put(format, file.sharesLastModifiedWith(before.get(format)) ? file.sharingLastModified() : file);
            }
            files.put(profile.code(), byFormat);
        }
        Built next = new Built(fingerprint, Map.copyOf(files));
        built = next;
        return next;
    }

    private String fingerprint(CatalogRevision revision) {
        return revision.number() + "/" + profiles.revision();
    }
}
