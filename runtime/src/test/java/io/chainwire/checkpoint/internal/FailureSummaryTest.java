package io.chainwire.checkpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureSummaryTest {
    @Test
    void summarisesTheFailureAndEachCauseOnce() {
        IllegalStateException top = new IllegalStateException("top");
        RuntimeException middle = new RuntimeException("middle");
        top.initCause(middle);
        middle.initCause(new ArithmeticException("bottom"));

        String stack = FailureSummary.stackTrace(top);

        assertTrue(stack.startsWith("java.lang.IllegalStateException: top\n\tat "), stack);
        assertTrue(stack.contains("Caused by: java.lang.RuntimeException: middle\n"), stack);
        assertTrue(stack.contains("Caused by: java.lang.ArithmeticException: bottom\n"), stack);
    }

    @Test
    void stopsAtACycleOfCauses() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);

        String stack = FailureSummary.stackTrace(first);

        assertEquals(1, stack.split("Caused by: ", -1).length - 1, stack);
    }

    @Test
    void boundsTheTextItKeeps() {
        RuntimeException huge = new RuntimeException("x".repeat(100_000));
        assertEquals(FailureSummary.MAX_ERROR_LENGTH, FailureSummary.error(huge).length());
        for (int i = 0; i < 20; i++) {
            huge = new RuntimeException("y".repeat(1_000), huge);
        }
        assertEquals(
                FailureSummary.MAX_STACK_LENGTH, FailureSummary.stackTrace(huge).length());
        assertTrue(FailureSummary.stackTrace(huge).endsWith("..."));
    }
}
