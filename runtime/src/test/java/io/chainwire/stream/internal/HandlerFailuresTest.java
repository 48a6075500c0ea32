package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.handler.TransientHandlerException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class HandlerFailuresTest {
    @Test
    void transientFailuresAreFoundAmongTheCauses() {
        assertTrue(HandlerFailures.isTransient(new TransientHandlerException("busy")));
        assertTrue(HandlerFailures.isTransient(new IllegalStateException(new SQLTimeoutException("lock wait"))));
        assertTrue(HandlerFailures.isTransient(new RuntimeException(new RuntimeException(new IOException("reset")))));
    }

    @Test
    void databaseFailuresThatMayPassAreTransient() {
        assertTrue(HandlerFailures.isTransient(new IllegalStateException(new SQLException("lock timeout", "55P03"))));
        assertTrue(
                HandlerFailures.isTransient(new IllegalStateException(new SQLException("deadlock detected", "40P01"))));
    }

    @Test
    void otherFailuresAreDeterministic() {
        assertFalse(HandlerFailures.isTransient(new IllegalArgumentException("bad event")));
        assertFalse(HandlerFailures.isTransient(new IllegalStateException(new SQLException("constraint violated"))));
        assertFalse(HandlerFailures.isTransient(new IllegalStateException(new SQLException("duplicate key", "23505"))));
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertFalse(HandlerFailures.isTransient(first));
    }
}
