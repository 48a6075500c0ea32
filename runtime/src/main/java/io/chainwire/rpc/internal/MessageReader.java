package io.chainwire.rpc.internal;

import java.io.IOException;

/**
 * Reads a whole response message, single or batch, from its first token on.
 *
 * @param <R> what the message is read into
 */
@FunctionalInterface
public interface MessageReader<R> {
    /** Reads the message; the reader is positioned before its first token. */
    R read(JsonReader reader) throws IOException;
}
