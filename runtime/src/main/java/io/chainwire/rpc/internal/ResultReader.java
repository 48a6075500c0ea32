package io.chainwire.rpc.internal;

import java.io.IOException;

/**
 * Reads the {@code result} member of a response into a Java value, straight from the reader.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResultReader<T> {
    /**
     * Reads the value whose first token is the reader's current token, consuming all of it.
     *
     * @param path where the value sits in the response, for messages, such as {@code result}
     * @throws MalformedResponse if the value is not what the method returns
     */
    T read(JsonReader reader, String path) throws IOException;
}
