package io.chainwire.rpc.internal;

/** Readers for small results: quantities, strings, booleans and raw JSON. */
public final class Results {
    /** Reads a hex quantity, such as the result of {@code eth_blockNumber}. */
    public static final ResultReader<Long> QUANTITY = (reader, path) -> {
        try {
            return HexValues.quantity(reader);
        } catch (MalformedResponse e) {
            throw e.under(path);
        }
    };

    /** Reads a string, such as a subscription id. */
    public static final ResultReader<String> STRING = (reader, path) -> {
        if (reader.current() != JsonReader.Token.STRING) {
            throw MalformedResponse.at(
                    reader, path, "expected a string, got " + reader.current().describe());
        }
        return reader.stringValue();
    };

    /** Reads a boolean, such as the result of {@code eth_unsubscribe}. */
    public static final ResultReader<Boolean> BOOLEAN = (reader, path) -> {
        try {
            return HexValues.bool(reader);
        } catch (MalformedResponse e) {
            throw e.under(path);
        }
    };

    /** Copies any result as JSON text, as it came, for methods without a typed reader. */
    public static final ResultReader<String> RAW_JSON = (reader, path) -> reader.copyValueAsText();

    private Results() {}
}
