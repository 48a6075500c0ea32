package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;

/**
 * The stream ended on an error it has no more specific type for: a JVM error such as {@link OutOfMemoryError} thrown by
 * a handler, or a bug. The unit of work in progress was rolled back. The cause is the error.
 */
public final class StreamCrashedException extends StreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param cause the error
     */
    public StreamCrashedException(StreamId stream, Throwable cause) {
        super(stream, "unexpected error: " + cause, cause);
    }
}
