package app.ratelink.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.system.SettingsChanged;

/**
 * Every profile's files, built ahead of the requests: a monitoring polling every few seconds gets bytes
 * from memory, never a catalogue query. Rebuilt at once when this node changes the catalogue or a
 * profile, and within half a second when another node on the same database did (a poll of the catalogue
 * revision and the feed revision, two one-row reads). The operator's working hours (setting manualHours)
 * take manual directions out and put them back; the same poll notices the hour turning.
 */
@Component
public class FeedSnapshots {

    private static final Logger log = LoggerFactory.getLogger(FeedSnapshots.class);

    private final Catalog catalog;
    private final FeedProfiles profiles;
    private final Settings settings;
    private final Clock clock;
    private volatile Built built;

    /** {@code profiles}: every profile's code, disabled ones too (their robots are counted with their 404s). */
    private record Built(String fingerprint, Map<String, Map<FeedFormat, FeedFile>> files, Set<String> profiles) {
    }

    FeedSnapshots(Catalog catalog, FeedProfiles profiles, Settings settings, Clock clock) {
        this.catalog = catalog;
        this.profiles = profiles;
        this.settings = settings;
        this.clock = clock;
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

    /** Whether a profile of that code exists, enabled or not. */
    public boolean known(String code) {
        Built current = built;
        if (current == null) {
            current = rebuild();
        }
        return current.profiles().contains(code);
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
    @TransactionalEventListener(classes = {CatalogChanged.class, FeedProfileChanged.class, SettingsChanged.class},
            fallbackExecution = true)
    void changedHere() {
        rebuild();
    }

    @Scheduled(fixedDelay = 500, initialDelay = 500)
    void pollOtherNodes() {
        try {
            Built current = built;
            if (current == null || !current.fingerprint().equals(fingerprint(catalog.revision(), hours()))) {
                rebuild();
            }
        } catch (RuntimeException e) {
            // The database may be briefly away; the files in memory stay valid until it is back.
            log.warn("Feed refresh failed, serving the previous files: {}", e.toString());
        }
    }

    synchronized Built rebuild() {
        CatalogRevision revision = catalog.revision();
        Hours hours = hours();
        String fingerprint = fingerprint(revision, hours);
        List<Currency> currencies = catalog.currencies();
        List<Direction> directions = catalog.directions();
        Map<String, Map<FeedFormat, FeedFile>> files = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (FeedProfile profile : profiles.all()) {
            codes.add(profile.code());
            if (!profile.enabled()) {
                continue;
            }
            List<FeedLine> all = FeedLines.of(currencies, directions, profile, true);
            List<FeedLine> lines = hours.manualListed() ? all : FeedLines.of(currencies, directions, profile, false);
            Instant changed = latest(revision.changedAt(), profile.updatedAt());
            if (all.stream().anyMatch(l -> l.flags().contains(DirectionFlag.MANUAL))) {
                // The hours only change a file that lists manual directions.
                changed = latest(changed, hours.lastTurn());
            }
            Map<FeedFormat, FeedFile> byFormat = new EnumMap<>(FeedFormat.class);
            Map<FeedFormat, FeedFile> before = built == null ? Map.of() : built.files().getOrDefault(profile.code(), Map.of());
            for (FeedFormat format : FeedFormat.values()) {
                String text = FeedWriters.write(format, profile.xmlFlavour(), profile.compatibility(), lines);
                FeedFile previous = before.get(format);
                Instant lastModified = changed.truncatedTo(ChronoUnit.SECONDS);
                if (previous != null && lastModified.isBefore(previous.lastModified())
                        && !Arrays.equals(previous.body(), text.getBytes(StandardCharsets.UTF_8))) {
                    // A change without a stored time of its own (the working hours edited): the date must still
                    // move forward, or a client holding the previous file would be told it is current.
                    lastModified = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                }
                String contentType = format == FeedFormat.XML ? profile.compatibility().contentType() : format.contentType();
                FeedFile file = FeedFile.of(text, lastModified, contentType);
                byFormat.put(format, file.sharesLastModifiedWith(previous) ? file.sharingLastModified() : file);
            }
            files.put(profile.code(), byFormat);
        }
        Built next = new Built(fingerprint, Map.copyOf(files), Set.copyOf(codes));
        built = next;
        return next;
    }

    private String fingerprint(CatalogRevision revision, Hours hours) {
        return revision.number() + "/" + profiles.revision() + "/" + hours.key();
    }

    /** What the working hours mean for the files now: whether manual directions are listed, and since when. */
    private record Hours(String key, boolean manualListed, Instant lastTurn) {
    }

    private Hours hours() {
        String text = settings.get(Setting.MANUAL_HOURS);
        Optional<ManualHours> hours = ManualHours.parse(text);
        if (hours.isEmpty()) {
            return new Hours("always", true, Instant.EPOCH);
        }
        Instant now = clock.instant();
        ZoneId zone = settings.zone();
        boolean open = hours.get().open(now, zone);
        return new Hours(text + "@" + zone.getId() + "=" + open, open, hours.get().lastTurn(now, zone));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
