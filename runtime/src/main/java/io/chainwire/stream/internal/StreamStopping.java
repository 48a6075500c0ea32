package io.chainwire.stream.internal;

/**
 * Unwinds a stream's threads when it is closed: thrown where a wait or a call notices the stop signal, caught where the
 * thread ends. Not an error, so it carries no stack trace.
 */
public final class StreamStopping extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the signal. */
    public StreamStopping() {
        super("the stream is stopping", null, false, false);
    }
}
