package io.chainwire.checkpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The machine's PostgreSQL, which the build expects at 127.0.0.1:5432 (user postgres, trust authentication, database
 * test). Tests get a schema of their own and drop it afterwards. When the server is not reachable the tests fail,
 * saying how to start it: CI starts it, so a silent skip would hide a broken CI.
 */
final class LocalPostgres {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private LocalPostgres() {}

    /** Creates a new, empty schema and returns its name. */
    static String createSchema(String hint) {
        String schema = "cw_" + hint.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = connect(SERVER);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError(
                    "PostgreSQL is not reachable at 127.0.0.1:5432 (database test, user postgres, trust auth): "
                            + e.getMessage()
                            + " -- start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                            + " (CI's .ci/run does this before the build)",
                    e);
        }
        return schema;
    }

    /** Drops {@code schema} and everything in it. */
    static void dropSchema(String schema) throws SQLException {
        try (Connection connection = connect(SERVER);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** Returns the URL whose connections work in {@code schema}. */
    static String url(String schema) {
        return SERVER + "?currentSchema=" + schema;
    }

    /** Connects to {@code url} as the test user. */
    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, "");
    }
}
