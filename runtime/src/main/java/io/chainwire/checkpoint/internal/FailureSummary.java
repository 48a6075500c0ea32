package io.chainwire.checkpoint.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Turns a handler failure into bounded text for the dead-letter table: the error line, and a stack summary of the
 * failure and its causes with a few frames each.
 */
public final class FailureSummary {
    /** The longest error line kept. */
    public static final int MAX_ERROR_LENGTH = 2_000;

    /** The longest stack summary kept. */
    public static final int MAX_STACK_LENGTH = 8_000;

    private static final int FRAMES_PER_THROWABLE = 12;
    private static final int MAX_CAUSES = 8;

    private FailureSummary() {}

    /** Returns the failure's class and message, cut to {@link #MAX_ERROR_LENGTH} characters. */
    public static String error(Throwable failure) {
        return cut(failure.toString(), MAX_ERROR_LENGTH);
    }

    /**
     * Returns the failure's first frames, then each cause's ("Caused by: ..."), cut to {@link #MAX_STACK_LENGTH}
     * characters.
     */
    public static String stackTrace(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        for (int depth = 0; current != null && depth <= MAX_CAUSES && seen.add(current); depth++) {
            if (depth > 0) {
                text.append("Caused by: ");
            }
            text.append(current).append('\n');
            StackTraceElement[] frames = current.getStackTrace();
            int shown = Math.min(frames.length, FRAMES_PER_THROWABLE);
            for (int i = 0; i < shown; i++) {
                text.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > shown) {
                text.append("\t... ").append(frames.length - shown).append(" more\n");
            }
            current = current.getCause();
        }
        return cut(text.toString(), MAX_STACK_LENGTH);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
