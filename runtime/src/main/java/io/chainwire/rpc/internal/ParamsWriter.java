package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes the {@code params} array of a request. */
@FunctionalInterface
public interface ParamsWriter {
    /** Writes the whole array, brackets included. */
    void write(JsonGenerator generator) throws IOException;
}
