package io.chainwire.stream.internal;

import io.chainwire.checkpoint.internal.StoreFailures;
import io.chainwire.handler.TransientHandlerException;
import java.io.IOException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Tells transient handler failures, worth retrying, from deterministic ones. */
final class HandlerFailures {
    private static final int MAX_CAUSES = 32;

    private HandlerFailures() {}

    /**
     * Returns true if {@code failure} or one of its causes is a {@link TransientHandlerException}, a
     * {@link SQLTransientException}, an {@link IOException}, or a database failure that may pass (a lock or statement
     * timeout, a deadlock, a lost serialisation conflict, a busy database: see {@link StoreFailures}), as a handler's
     * write through the unit of work's connection meets when another session holds what it writes for longer than the
     * store's lock timeout.
     */
    static boolean isTransient(Throwable failure) {
        if (StoreFailures.isTransient(failure)) {
            return true;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure;
                cause != null && seen.size() < MAX_CAUSES && seen.add(cause);
                cause = cause.getCause()) {
            if (cause instanceof TransientHandlerException
                    || cause instanceof SQLTransientException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
