package io.chainwire.checkpoint.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells the database failures that may pass from those that will not: a broken or refused connection, a server shutting
 * down or restarting, a busy or locked database, a lost serialisation conflict. Decided by the JDBC exception types and
 * SQL states (PostgreSQL's and the standard's), and by SQLite's result codes, anywhere in the cause chain.
 */
public final class StoreFailures {
    // Connection exceptions (08), and PostgreSQL's: serialization failure, deadlock, lock not
    // available, too many connections, admin/crash shutdown, cannot connect now, idle in transaction
    // timeout, query canceled by a lock timeout, out of memory/disk/resources.
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", "40P01", "55P03", "53300", "53000", "53100", "53200", "57P01", "57P02", "57P03", "57014", "25P03");
    // SQLite result codes: SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL; extended codes keep the
    // primary code in their low byte.
    private static final Set<Integer> TRANSIENT_SQLITE_CODES = Set.of(5, 6, 15);
    private static final String SQLITE_DRIVER_CLASS_PREFIX = "org.sqlite.";

    private StoreFailures() {}

    /** Returns true if {@code failure} or one of its causes is a database failure that may pass. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException failure) {
        if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException) {
            return true;
        }
        String state = failure.getSQLState();
        if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
            return true;
        }
        return failure.getClass().getName().startsWith(SQLITE_DRIVER_CLASS_PREFIX)
                && TRANSIENT_SQLITE_CODES.contains(failure.getErrorCode() & 0xff);
    }
}
