package app.ratelink.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether the database answers. Requests that fail to reach it mark it down at once ({@link #failed}); a
 * probe thread asks it every {@value #PROBE_MILLIS} ms and marks it up again when it answers, so the site
 * recovers by itself. While it is down, requests are answered 503 at once (system.RequestGuard) instead of
 * each waiting for a connection: no pile-up of threads, no log line per request.
 */
@Component
public class DatabaseStatus implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStatus.class);
    static final long PROBE_MILLIS = 500;
    /** Seconds a client is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final DataSource dataSource;
    private volatile boolean down;
    private volatile boolean running;
    private Thread probe;

    DatabaseStatus(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean down() {
        return down;
    }

    /**
     * Tells whether {@code failure} (or a cause of it) says the database cannot be reached, and if so marks
     * it down (logged once per outage).
     */
    public boolean failed(Throwable failure) {
        if (!unreachable(failure)) {
            return false;
        }
        markDown(failure);
        return true;
    }

    /** A connection that could not be had or a broken connection: not a refused statement, not a slow one. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // A statement failed on a broken connection, then the rollback failed too ("Connection is closed",
            // no SQLState from Hikari): the rollback's failure is the cause, the statement's only attached.
            if (t instanceof org.springframework.transaction.TransactionSystemException system
                    && system.getApplicationException() != null && unreachable(system.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private void markDown(Throwable failure) {
        if (!down) {
            down = true;
            log.warn("Database unreachable, answering 503 until it is back: {}", rootMessage(failure));
        }
    }

    private void probeOnce() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(1)) {
                if (down) {
                    log.info("Database reachable again");
                }
                down = false;
                return;
            }
            markDown(new SQLTransientConnectionException("connection not valid"));
        } catch (SQLException | RuntimeException e) {
            markDown(e);
        }
    }

    private void run() {
        while (running) {
            probeOnce();
            try {
                TimeUnit.MILLISECONDS.sleep(PROBE_MILLIS);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        probe = new Thread(this::run, "database-probe");
        probe.setDaemon(true);
        probe.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (probe != null) {
            probe.interrupt();
            probe = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
