package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures of the real databases {@link CheckpointException#isTransient()} calls transient, provoked through
 * their drivers: a stream stands by and tries again on those, and fails on the rest.
 */
class TransientStoreFailuresTest {
    private static String schema;

    @BeforeAll
    static void createRows() throws SQLException {
        schema = LocalPostgres.createSchema("failures");
        try (Connection connection = postgres();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE cw_row (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)");
            statement.execute("INSERT INTO cw_row VALUES (1, 0), (2, 0)");
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    @Test
    void aSessionTerminatedByTheServerIsTransient() throws SQLException {
        try (Connection victim = postgres();
                Statement statement = victim.createStatement()) {
            terminate(victim);
            SQLException failure = assertThrows(SQLException.class, () -> statement.execute("SELECT 1"));
            assertEquals("57P01", failure.getSQLState(), failure::toString);
            assertTransient(failure);
        }
    }

    @Test
    void aCommitOnASessionTerminatedInItsTransactionIsTransient() throws SQLException {
        try (Connection victim = postgres();
                Statement statement = victim.createStatement()) {
            victim.setAutoCommit(false);
            statement.executeUpdate("UPDATE cw_row SET amount = amount + 1 WHERE id = 1");
            terminate(victim);
            SQLException failure = assertThrows(SQLException.class, victim::commit);
            assertEquals("57P01", failure.getSQLState(), failure::toString);
            assertTransient(failure);
        }
    }

    @Test
    void aLockTimeoutIsTransient() throws SQLException {
        try (Connection holder = postgres();
                Connection waiter = postgres();
                Statement holding = holder.createStatement();
                Statement waiting = waiter.createStatement()) {
            holder.setAutoCommit(false);
            holding.execute("SELECT * FROM cw_row WHERE id = 1 FOR UPDATE");
            waiting.execute("SET lock_timeout = 20");
            SQLException failure = assertThrows(
                    SQLException.class, () -> waiting.execute("SELECT * FROM cw_row WHERE id = 1 FOR UPDATE"));
            assertEquals("55P03", failure.getSQLState(), failure::toString);
            assertTransient(failure);
            holder.rollback();
        }
    }

    @Test
    void aLostSerializationConflictIsTransient() throws SQLException {
        try (Connection first = postgres();
                Connection second = postgres();
                Statement one = first.createStatement();
                Statement two = second.createStatement()) {
            for (Connection connection : new Connection[] {first, second}) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setAutoCommit(false);
            }
            one.executeQuery("SELECT amount FROM cw_row WHERE id = 2").close();
            two.executeQuery("SELECT amount FROM cw_row WHERE id = 2").close();
            one.executeUpdate("UPDATE cw_row SET amount = amount + 1 WHERE id = 2");
            first.commit();
            SQLException failure = assertThrows(
                    SQLException.class, () -> two.executeUpdate("UPDATE cw_row SET amount = amount + 1 WHERE id = 2"));
            assertEquals("40001", failure.getSQLState(), failure::toString);
            assertTransient(failure);
            second.rollback();
        }
    }

    @Test
    void aDeadlockIsTransient() throws Exception {
        try (Connection first = postgres();
                Connection second = postgres();
                Statement one = first.createStatement();
                Statement two = second.createStatement()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // The server looks for deadlocks after this wait (a superuser setting; the test user is one).
            one.execute("SET LOCAL deadlock_timeout = 10");
            two.execute("SET LOCAL deadlock_timeout = 10");
            one.executeUpdate("UPDATE cw_row SET amount = amount + 1 WHERE id = 1");
            two.executeUpdate("UPDATE cw_row SET amount = amount + 1 WHERE id = 2");
            CompletableFuture<SQLException> firstWaits = CompletableFuture.supplyAsync(() -> {
                try {
                    one.executeUpdate("UPDATE cw_row SET amount = amount + 1 WHERE id = 2");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            SQLException secondFailure = null;
            try {
                two.executeUpdate("UPDATE cw_row SET amount = amount + 1 WHERE id = 1");
            } catch (SQLException e) {
                secondFailure = e;
                second.rollback();
            }
            SQLException firstFailure = firstWaits.get(30, TimeUnit.SECONDS);
            SQLException failure = firstFailure != null ? firstFailure : secondFailure;
            assertTrue(firstFailure == null ^ secondFailure == null, "exactly one transaction is chosen as the victim");
            assertEquals("40P01", failure.getSQLState(), failure::toString);
            assertTransient(failure);
            first.rollback();
            second.rollback();
        }
    }

    @Test
    void aSessionEndedForIdlingInItsTransactionIsTransient() throws Exception {
        try (Connection idler = postgres();
                Statement statement = idler.createStatement()) {
            idler.setAutoCommit(false);
            statement.execute("SET LOCAL idle_in_transaction_session_timeout = 20");
            // The statement that follows is sent after the server has ended the session.
            Thread.sleep(500);
            SQLException failure = assertThrows(SQLException.class, () -> statement.execute("SELECT 1"));
            assertEquals("25P03", failure.getSQLState(), failure::toString);
            assertTransient(failure);
        }
    }

    @Test
    void aStatementTimeoutIsTransient() throws SQLException {
        try (Connection connection = postgres();
                Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = 20");
            SQLException failure = assertThrows(SQLException.class, () -> statement.execute("SELECT pg_sleep(10)"));
            assertEquals("57014", failure.getSQLState(), failure::toString);
            assertTransient(failure);
        }
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SQLException failure = assertThrows(
                SQLException.class, () -> LocalPostgres.connect("jdbc:postgresql://127.0.0.1:" + closedPort + "/test"));
        assertTrue(failure.getSQLState().startsWith("08"), failure::toString);
        assertTransient(failure);
    }

    @Test
    void tooManyConnectionsIsTransient() throws SQLException {
        String role = "cw_full_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection admin = postgres();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 0");
            try {
                SQLException failure = assertThrows(
                        SQLException.class, () -> DriverManager.getConnection(LocalPostgres.SERVER, role, ""));
                assertEquals("53300", failure.getSQLState(), failure::toString);
                assertTransient(failure);
            } finally {
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    /** Server states no test here can cause without disturbing the machine's server. */
    @ParameterizedTest
    @ValueSource(strings = {"57P02", "57P03", "53000", "53100", "53200", "08000", "08003", "08006"})
    void serverStatesOfShutdownsAndExhaustedResourcesAreTransient(String state) {
        assertTransient(new SQLException("the server says " + state, state));
    }

    @Test
    void transientAndRecoverableExceptionTypesAreTransientWhateverTheirState() {
        assertTransient(new SQLTransientConnectionException("pool exhausted"));
        assertTransient(new java.sql.SQLRecoverableException("connection lost"));
    }

    @Test
    void constraintViolationsAndBadStatementsAreNotTransient() throws SQLException {
        try (Connection connection = postgres();
                Statement statement = connection.createStatement()) {
            SQLException duplicate =
                    assertThrows(SQLException.class, () -> statement.execute("INSERT INTO cw_row VALUES (1, 0)"));
            assertEquals("23505", duplicate.getSQLState());
            assertNotTransient(duplicate);
            SQLException missing = assertThrows(SQLException.class, () -> statement.execute("SELECT * FROM cw_absent"));
            assertEquals("42P01", missing.getSQLState());
            assertNotTransient(missing);
        }
    }

    @Test
    void aSqliteFileLockedByAnotherConnectionPastTheBusyTimeoutIsTransient(@TempDir Path directory)
            throws SQLException {
        String url = "jdbc:sqlite:" + directory.resolve("locked.db");
        Properties impatient = new Properties();
        impatient.setProperty("busy_timeout", "1");
        try (Connection holder = DriverManager.getConnection(url);
                Connection waiter = DriverManager.getConnection(url, impatient);
                Statement holding = holder.createStatement();
                Statement waiting = waiter.createStatement()) {
            holding.execute("CREATE TABLE t (id INTEGER)");
            holding.execute("BEGIN EXCLUSIVE");
            SQLException failure = assertThrows(SQLException.class, () -> waiting.execute("INSERT INTO t VALUES (1)"));
            assertEquals(5, failure.getErrorCode() & 0xff, failure::toString);
            assertTransient(failure);
            holding.execute("ROLLBACK");
        }
    }

    @Test
    void aSqliteTableLockedByAStatementStillReadingIsTransient(@TempDir Path directory) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("table.db"));
                Statement reading = connection.createStatement();
                Statement dropping = connection.createStatement()) {
            dropping.execute("CREATE TABLE t (id INTEGER)");
            dropping.execute("INSERT INTO t VALUES (1), (2)");
            try (ResultSet rows = reading.executeQuery("SELECT id FROM t")) {
                assertTrue(rows.next());
                SQLException failure = assertThrows(SQLException.class, () -> dropping.execute("DROP TABLE t"));
                assertEquals(6, failure.getErrorCode() & 0xff, failure::toString);
                assertTransient(failure);
            }
        }
    }

    @Test
    void aSqliteConstraintViolationIsNotTransient(@TempDir Path directory) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("unique.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            assertNotTransient(assertThrows(SQLException.class, () -> statement.execute("INSERT INTO t VALUES (1)")));
        }
    }

    @Test
    void anotherDriversErrorCodeOfSqlitesBusyIsNotTransient() {
        assertNotTransient(new SQLException("vendor error 5", null, 5));
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCauseCycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertNotTransient(first);
    }

    private static void assertTransient(Throwable failure) {
        assertTrue(new CheckpointException("failed", failure).isTransient(), () -> "transient: " + describe(failure));
    }

    private static void assertNotTransient(Throwable failure) {
        assertFalse(
                new CheckpointException("failed", failure).isTransient(), () -> "not transient: " + describe(failure));
    }

    private static String describe(Throwable failure) {
        return failure + (failure instanceof SQLException sql ? " (SQL state " + sql.getSQLState() + ")" : "");
    }

    private static Connection postgres() throws SQLException {
        return LocalPostgres.connect(LocalPostgres.url(schema));
    }

    /** Ends {@code victim}'s session from another one, as the server does on an administrator's command. */
    private static void terminate(Connection victim) throws SQLException {
        int pid;
        try (Statement statement = victim.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            pid = row.getInt(1);
        }
        try (Connection admin = postgres();
                Statement statement = admin.createStatement();
                // Waits (up to the hang guard) until the session has ended, so the victim's next statement finds it
                // gone.
                ResultSet row = statement.executeQuery("SELECT pg_terminate_backend(" + pid + ", 30000)")) {
            row.next();
            assertTrue(row.getBoolean(1), "the session ended");
        }
    }
}
