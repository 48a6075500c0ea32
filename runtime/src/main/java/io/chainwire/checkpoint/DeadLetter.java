package io.chainwire.checkpoint;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.internal.FailureSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An event a handler could not process, recorded under the dead-letter policy instead of stopping the stream. It keeps
 * the whole raw log, so the event can be inspected and replayed.
 *
 * @param stream the stream that delivered the event
 * @param log the event's raw log, with its block, transaction and position
 * @param removal true if the failed call delivered the event's removal after a reorganisation
 * @param handler the name of the handler that failed
 * @param error the failure's class and message
 * @param stackTrace a bounded summary of the failure's stack trace and causes
 * @param recordedAt when the failure was recorded
 * @param orphaned true once a chain reorganisation removed the event's block: do not replay it
 */
public record DeadLetter(
        StreamId stream,
        RawLog log,
        boolean removal,
        String handler,
        String error,
        String stackTrace,
        Instant recordedAt,
        boolean orphaned) {

    /** Validates that no field is missing. */
    public DeadLetter {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(stackTrace, "stackTrace");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * Returns a new, not orphaned dead letter for {@code failure}, with its error and stack summary taken from the
     * failure and its causes, recorded at {@code at} to the millisecond.
     *
     * @throws IllegalArgumentException if {@code handler} is blank
     */
    public static DeadLetter of(
            StreamId stream, RawLog log, boolean removal, String handler, Throwable failure, Instant at) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(failure, "failure");
        if (handler.isBlank()) {
            throw new IllegalArgumentException("handler name must not be blank");
        }
        return new DeadLetter(
                stream,
                log,
                removal,
                handler,
                FailureSummary.error(failure),
                FailureSummary.stackTrace(failure),
                at.truncatedTo(ChronoUnit.MILLIS),
                false);
    }
}
