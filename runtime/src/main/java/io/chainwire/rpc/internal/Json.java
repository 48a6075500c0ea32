package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The shared Jackson factory that writes requests; responses are read by {@link JsonReader}. */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {}

    static JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }
}
