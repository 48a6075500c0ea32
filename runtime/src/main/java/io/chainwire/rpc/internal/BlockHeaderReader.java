package io.chainwire.rpc.internal;

import io.chainwire.abi.Hash;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.Bloom;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a block object (from {@code eth_getBlockBy*} or a {@code newHeads} notification) into a {@link BlockHeader},
 * skipping every other field, transactions included. The {@code logsBloom} is read when present; a block without it is
 * still a header.
 */
public final class BlockHeaderReader {
    /** Reads a block object, or null (no such block) as empty. */
    public static final ResultReader<Optional<BlockHeader>> OPTIONAL = (reader, path) ->
            reader.current() == JsonReader.Token.NULL ? Optional.empty() : Optional.of(read(reader, path));

    /** Reads a block object, which must be present. */
    public static final ResultReader<BlockHeader> REQUIRED = BlockHeaderReader::read;

    private static final int NUMBER = 0;
    private static final int HASH = 1;
    private static final int PARENT_HASH = 2;
    private static final int TIMESTAMP = 3;
    private static final int LOGS_BLOOM = 4;
    private static final FieldNames FIELDS = new FieldNames("number", "hash", "parentHash", "timestamp", "logsBloom");

    private BlockHeaderReader() {}

    private static BlockHeader read(JsonReader reader, String path) throws IOException {
        if (reader.current() != JsonReader.Token.BEGIN_OBJECT) {
            throw MalformedResponse.at(
                    reader,
                    path,
                    "expected a block object, got " + reader.current().describe());
        }
        long number = 0;
        long timestamp = 0;
        Hash hash = null;
        Hash parentHash = null;
        Bloom logsBloom = null;
        int seen = 0;
        int field;
        while ((field = FIELDS.next(reader)) >= 0) {
            seen = FIELDS.mark(seen, field, reader, path);
            try {
                switch (field) {
                    case NUMBER -> number = HexValues.quantity(reader);
                    case HASH -> hash = HexValues.hash(reader);
                    case PARENT_HASH -> parentHash = HexValues.hash(reader);
                    case TIMESTAMP -> timestamp = HexValues.quantity(reader);
                    case LOGS_BLOOM -> logsBloom = HexValues.bloom(reader);
                    default -> throw new IllegalStateException("unhandled field " + FIELDS.name(field));
                }
            } catch (MalformedResponse e) {
                throw e.under(path + "." + FIELDS.name(field));
            }
        }
        FIELDS.requireAll(seen, FIELDS.allBut(LOGS_BLOOM), reader, path, "block");
        return new BlockHeader(number, hash, parentHash, timestamp, Optional.ofNullable(logsBloom));
    }
}
