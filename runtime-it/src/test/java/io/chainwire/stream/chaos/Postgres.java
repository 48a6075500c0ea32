package io.chainwire.stream.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The machine's PostgreSQL, which the build expects at 127.0.0.1:5432 (user postgres, trust authentication, database
 * test; CI starts it). Tests get a schema of their own, and find the sessions of the store under test by the
 * application name its URL gives them.
 */
final class Postgres {
    static final int PORT = 5432;
    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:" + PORT + "/test?user=postgres";

    private Postgres() {}

    /** Creates a new, empty schema and returns its name. */
    static String createSchema() throws SQLException {
        String schema = "cw_outage_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    /** Drops {@code schema} and everything in it. */
    static void dropSchema(String schema) throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    /**
     * Returns the URL of database test reached through loopback {@code port}, working in {@code schema}, its sessions
     * named {@code application}.
     */
    static String url(int port, String schema, String application) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres&currentSchema=" + schema
                + "&ApplicationName=" + application;
    }

    /**
     * Ends every session named {@code application} as a server shutdown or an administrator does (FATAL 57P01), waiting
     * until each has ended; returns how many there were.
     */
    static int terminate(String application) {
        try (Connection admin = DriverManager.getConnection(ADMIN);
                PreparedStatement statement = admin.prepareStatement(
                        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 30000)) FROM pg_stat_activity"
                                + " WHERE application_name = ?")) {
            statement.setString(1, application);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate the sessions of " + application, e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN);
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(
                    "PostgreSQL at 127.0.0.1:" + PORT + " (database test, user postgres, trust auth): " + e.getMessage()
                            + " -- start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
                    e.getSQLState(),
                    e);
        }
    }
}
