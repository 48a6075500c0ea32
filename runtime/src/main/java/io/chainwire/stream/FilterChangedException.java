package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;

/**
 * The stream was started with other addresses or topics than its checkpoint was written with: its checkpoint says which
 * blocks it handled for the old filter, not for the new one, so resuming from it would silently skip the history of
 * whatever was added. The message names the difference. Give the stream a new id to deliver the new filter from its
 * start block, or opt in with {@link EventStream.Builder#backfillAddedFilter(boolean)} to deliver the history of what
 * was added before the stream resumes.
 */
public final class FilterChangedException extends StreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param message what differs between the recorded filter and the new one
     */
    public FilterChangedException(StreamId stream, String message) {
        super(stream, message, null);
    }
}
