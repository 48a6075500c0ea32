package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonToken;

/** Readers for small results: quantities, strings, booleans and raw JSON. */
public final class Results {
  /** Reads a hex quantity, such as the result of {@code eth_blockNumber}. */
  public static final ResultReader<Long> QUANTITY = (parser, path) -> {
    try {
      return HexValues.quantity(parser);
    } catch (MalformedResponse e) {
      throw e.under(path);
    }
  };

  /** Reads a string, such as a subscription id. */
  public static final ResultReader<String> STRING = (parser, path) -> {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw MalformedResponse.at(parser, path, "expected a string, got " + Json.describe(parser.currentToken()));
    }
    return parser.getText();
  };

  /** Reads a boolean, such as the result of {@code eth_unsubscribe}. */
  public static final ResultReader<Boolean> BOOLEAN = (parser, path) -> {
    try {
      return HexValues.bool(parser);
    } catch (MalformedResponse e) {
      throw e.under(path);
    }
  };

  /** Copies any result as JSON text, for methods without a typed reader. */
  public static final ResultReader<String> RAW_JSON = (parser, path) -> Json.copyAsText(parser);

  private Results() {}
}
