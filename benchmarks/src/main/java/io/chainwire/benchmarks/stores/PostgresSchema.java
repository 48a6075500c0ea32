package io.chainwire.benchmarks.stores;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A schema of its own in a PostgreSQL database, for one benchmark run: created empty, dropped on close. */
public final class PostgresSchema implements AutoCloseable {
    /** The machine's PostgreSQL, as the project's tests use it. */
    public static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String server;
    private final String schema;

    private PostgresSchema(String server, String schema) {
        this.server = server;
        this.schema = schema;
    }

    /**
     * Creates schema {@code <name>_<pid>} on {@code server}, a JDBC URL with its credentials, dropping a leftover of
     * that name first.
     */
    public static PostgresSchema create(String server, String name) throws SQLException {
        PostgresSchema created =
                new PostgresSchema(server, name + "_" + ProcessHandle.current().pid());
        created.execute("DROP SCHEMA IF EXISTS " + created.schema + " CASCADE");
        created.execute("CREATE SCHEMA " + created.schema);
        return created;
    }

    /** Returns the JDBC URL whose connections work in the schema. */
    public String url() {
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
