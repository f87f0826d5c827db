package app.ratelink.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.ratelink.system.OperatorMail;

/**
 * Mails the operator when a monitoring's robot that polled a profile regularly over the last day (requests in
 * at least {@link #REGULAR_HOURS} of the last 24 hours) has been silent for {@link #SILENCE}, or has been
 * getting errors for {@link #FAILING} (its last answer an error, none good since). One mail per robot and
 * episode, whichever node checks first (a compare-and-set on the robot's row); the robot's next good answer,
 * or any request after a silence, ends the episode. Written in the operators' language ({@link OperatorMail#locale()}).
 */
@Component
class FeedRobotAlerts {

    static final int REGULAR_HOURS = 18;
    static final Duration DAY = Duration.ofHours(24);
    static final Duration SILENCE = Duration.ofMinutes(30);
    static final Duration FAILING = Duration.ofMinutes(5);
    static final Duration KEEP_HOURS = Duration.ofDays(8);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final FeedRobotRepository repository;
    private final OperatorMail mail;
    private final MessageSource messages;

    FeedRobotAlerts(FeedRobotRepository repository, OperatorMail mail, MessageSource messages) {
        this.repository = repository;
        this.mail = mail;
        this.messages = messages;
    }

    void check(Instant now) {
        for (FeedRobotRepository.Stored s : repository.unalerted(now.minus(DAY))) {
            FeedRobot r = s.robot();
            String kind = null;
            if (r.lastSeen().isBefore(now.minus(SILENCE))) {
                kind = "silent";
            } else if (r.lastStatus() >= 400 && (s.lastOk() == null || s.lastOk().isBefore(now.minus(FAILING)))) {
                kind = "errors";
            }
            if (kind == null || repository.activeHours(s.id(), now.minus(DAY)) < REGULAR_HOURS) {
                continue;
            }
            if (repository.raise(s.id(), kind)) {
                Object[] args = {s.profile(), r.address(), r.userAgent(), TIME.format(r.lastSeen()), r.lastStatus(),
                        s.lastOk() == null ? "-" : TIME.format(s.lastOk())};
                Locale locale = mail.locale();
                mail.send(messages.getMessage("monitorings.robots.mail." + kind + ".subject", args, locale),
                        messages.getMessage("monitorings.robots.mail." + kind + ".text", args, locale));
            }
        }
        repository.forgetHoursBefore(now.minus(KEEP_HOURS));
    }
}
