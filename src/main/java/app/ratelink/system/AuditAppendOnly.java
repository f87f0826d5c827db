package app.ratelink.system;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's trigger on {@code audit_entry} (migration V12_1): every UPDATE or DELETE of an entry fails. */
public class AuditAppendOnly implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit entries are never changed or deleted", "42000");
    }
}
