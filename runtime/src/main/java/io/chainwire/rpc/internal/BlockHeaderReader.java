package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.abi.Hash;
import io.chainwire.rpc.BlockHeader;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a block object (from {@code eth_getBlockBy*} or a {@code newHeads} notification) into a
 * {@link BlockHeader}, skipping every other field, transactions included.
 */
public final class BlockHeaderReader {
  /** Reads a block object, or null (no such block) as empty. */
  public static final ResultReader<Optional<BlockHeader>> OPTIONAL =
      (parser, path) -> parser.currentToken() == JsonToken.VALUE_NULL
          ? Optional.empty()
          : Optional.of(read(parser, path));

  /** Reads a block object, which must be present. */
  public static final ResultReader<BlockHeader> REQUIRED = BlockHeaderReader::read;

  private static final int NUMBER = 0;
  private static final int HASH = 1;
  private static final int PARENT_HASH = 2;
  private static final int TIMESTAMP = 3;
  private static final FieldNames FIELDS = new FieldNames("number", "hash", "parentHash", "timestamp");

  private BlockHeaderReader() {}

  private static BlockHeader read(JsonParser parser, String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw MalformedResponse.at(parser, path, "expected a block object, got " + Json.describe(parser.currentToken()));
    }
    long number = 0;
    long timestamp = 0;
    Hash hash = null;
    Hash parentHash = null;
    int seen = 0;
    int field;
    while ((field = FIELDS.next(parser)) >= 0) {
      seen = FIELDS.mark(seen, field, parser, path);
      try {
        switch (field) {
          case NUMBER -> number = HexValues.quantity(parser);
          case HASH -> hash = HexValues.hash(parser);
          case PARENT_HASH -> parentHash = HexValues.hash(parser);
          case TIMESTAMP -> timestamp = HexValues.quantity(parser);
          default -> throw new IllegalStateException("unhandled field " + FIELDS.name(field));
        }
      } catch (MalformedResponse e) {
        throw e.under(path + "." + FIELDS.name(field));
      }
    }
    FIELDS.requireAll(seen, FIELDS.all(), parser, path, "block");
    return new BlockHeader(number, hash, parentHash, timestamp);
  }
}
