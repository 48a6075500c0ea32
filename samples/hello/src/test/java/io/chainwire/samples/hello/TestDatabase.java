package io.chainwire.samples.hello;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A database for one test: a SQLite file in the test's folder, or a schema of its own in the machine's PostgreSQL
 * (127.0.0.1:5432, database test, user postgres, trust auth), dropped on close.
 *
 * @param name "sqlite" or "postgresql", for messages and output files
 * @param database the database, as the sample opens it
 * @param args the command-line options that make hello.jar use it
 * @param schema the PostgreSQL schema, or null for SQLite
 */
record TestDatabase(String name, Database database, List<String> args, String schema) implements AutoCloseable {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /**
     * Returns the database {@code name} ("sqlite" or "postgresql"): a file in {@code dir}, or a new schema, named after
     * {@code test}.
     */
    static TestDatabase open(String name, Path dir, String test) throws SQLException {
        return switch (name) {
            case "sqlite" -> sqlite(dir.resolve(test + ".db"));
            case "postgresql" -> postgresql(test);
            default -> throw new IllegalArgumentException("no test database " + name);
        };
    }

    /** Returns the SQLite file {@code file}. */
    static TestDatabase sqlite(Path file) {
        return new TestDatabase("sqlite", new Database.Sqlite(file), List.of("--db", file.toString()), null);
    }

    /** Creates schema {@code <test>_<pid>} in the machine's PostgreSQL and returns it. */
    static TestDatabase postgresql(String test) throws SQLException {
        String schema = test.toLowerCase() + "_" + ProcessHandle.current().pid();
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        execute("CREATE SCHEMA " + schema);
        String url = POSTGRES + "&currentSchema=" + schema;
        return new TestDatabase("postgresql", new Database.Jdbc(url), List.of("--jdbc", url), schema);
    }

    /** Opens a connection of its own. */
    Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
