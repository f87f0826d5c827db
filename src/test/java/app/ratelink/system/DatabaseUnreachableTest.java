package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is gone" (503) and which are the request's own (4xx/500). */
class DatabaseUnreachableTest {

    @Test
    void aRollbackThatFailedAfterABrokenConnectionIsAnOutage() {
        // Seen in DatabaseOutageIT: the statement's failure is only attached, the cause is Hikari's closed proxy.
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseStatus.unreachable(rollback)).isTrue();
    }

    @Test
    void aConnectionFailureByItsSqlStateIsAnOutage() {
        assertThat(DatabaseStatus.unreachable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
    }

    @Test
    void refusedDataOrARollbackOfAnOrdinaryFailureIsNot() {
        assertThat(DatabaseStatus.unreachable(new SQLException("value too long", "22001"))).isFalse();
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseStatus.unreachable(rollback)).isFalse();
    }
}
