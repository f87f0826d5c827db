package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit trail is append-only in the database too, not only in the code: UPDATE and DELETE (and, on
 * PostgreSQL, TRUNCATE) of {@code audit_entry} are refused by triggers. The one migration that is not plain
 * SQL, because a trigger is engine-specific (ADR 0002: dialect SQL in one place, with its reason): H2 calls a
 * Java class ({@code app.ratelink.system.AuditAppendOnly}), PostgreSQL a PL/pgSQL function.
 */
public class V12_1__AuditAppendOnly extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String engine = connection.getMetaData().getDatabaseProductName();
        try (Statement s = connection.createStatement()) {
            if (engine.toLowerCase().contains("postgres")) {
                s.execute("""
                        CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            RAISE EXCEPTION 'audit entries are never changed or deleted';
                        END
                        $$""");
                s.execute("""
                        CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
                        FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()""");
                s.execute("""
                        CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
                        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()""");
            } else if (engine.toLowerCase().contains("h2")) {
                s.execute("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW "
                        + "CALL 'app.ratelink.system.AuditAppendOnly'");
                s.execute("CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW "
                        + "CALL 'app.ratelink.system.AuditAppendOnly'");
            } else {
                throw new SQLException("No append-only rule for " + engine + ": add one before using this engine");
            }
        }
    }
}
