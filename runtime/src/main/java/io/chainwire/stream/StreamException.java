package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;
import java.util.Objects;

/**
 * Why a stream failed, as {@link StreamHandle#failure()} returns it. Each subtype is one cause, and every message says
 * which stream, what happened and where the checkpoint stays.
 */
public abstract sealed class StreamException extends RuntimeException
        permits HandlerFailedException,
                ReorgBelowFinalizedException,
                ReorgTooDeepException,
                NodeRequestFailedException,
                CheckpointStoreFailedException,
                ChainMismatchException,
                FilterChangedException,
                NodesUnreachableException,
                ContractCodeMissingException,
                BlockTooLargeException,
                StreamCrashedException {
    private static final long serialVersionUID = 1L;

    private final transient StreamId stream;

    StreamException(StreamId stream, String message, Throwable cause) {
        super("stream '" + stream + "': " + message, cause);
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    /** Returns the stream that failed. */
    public StreamId stream() {
        return stream;
    }
}
