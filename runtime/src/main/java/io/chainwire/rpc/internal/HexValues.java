package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.internal.Hex;
import io.chainwire.abi.internal.ValueAccess;
import java.io.IOException;

/**
 * Strict readers for the hex strings of JSON-RPC: quantities, hashes, addresses and data. Each reads
 * the parser's current token without making a String of it, and throws {@link MalformedResponse}
 * (without a path) for anything else than the exact form.
 */
final class HexValues {
  private static final ValueAccess VALUES = ValueAccess.get();
  private static final int MAX_SHOWN = 80;

  private HexValues() {}

  /** Reads a quantity ({@code 0x} and 1 or more hex digits) that fits in a signed 64-bit long. */
  static long quantity(JsonParser parser) throws IOException {
    requireHexString(parser, "a hex quantity");
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    if (length == 2) {
      throw MalformedResponse.at(parser, "expected a hex quantity, got \"0x\" without digits");
    }
    long value = 0;
    for (int i = offset + 2; i < offset + length; i++) {
      int digit = Hex.digitValue(chars[i]);
      if (digit < 0) {
        throw MalformedResponse.at(parser, "invalid hex digit '" + chars[i] + "' in quantity " + shown(parser));
      }
      if ((value >>> 59) != 0) {
        throw MalformedResponse.at(parser, "quantity " + shown(parser) + " is larger than 2^63-1");
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  /** Reads a quantity that fits in a non-negative int, such as a log or transaction index. */
  static int index(JsonParser parser) throws IOException {
    long value = quantity(parser);
    if (value > Integer.MAX_VALUE) {
      throw MalformedResponse.at(parser, "index " + shown(parser) + " is larger than 2^31-1");
    }
    return (int) value;
  }

  /** Reads a 32-byte hash: {@code 0x} and exactly 64 hex digits. */
  static Hash hash(JsonParser parser) throws IOException {
    return VALUES.hash(fixed(parser, Hash.SIZE, "a 32-byte hash"));
  }

  /** Reads a 20-byte address: {@code 0x} and exactly 40 hex digits. */
  static Address address(JsonParser parser) throws IOException {
    return VALUES.address(fixed(parser, Address.SIZE, "a 20-byte address"));
  }

  /** Reads data: {@code 0x} and an even number of hex digits, possibly none. */
  static Bytes data(JsonParser parser) throws IOException {
    requireHexString(parser, "hex data");
    return VALUES.bytes(decode(parser));
  }

  /** Reads a JSON boolean. */
  static boolean bool(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw MalformedResponse.at(parser, "expected a boolean, got " + Json.describe(token));
    }
    return token == JsonToken.VALUE_TRUE;
  }

  private static byte[] fixed(JsonParser parser, int size, String what) throws IOException {
    requireHexString(parser, what);
    int digits = parser.getTextLength() - 2;
    if (digits != 2 * size) {
      throw MalformedResponse.at(
          parser, "expected " + what + " (" + 2 * size + " hex digits), got " + digits + " digits in " + shown(parser));
    }
    return decode(parser);
  }

  private static byte[] decode(JsonParser parser) throws IOException {
    try {
      return Hex.decode(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    } catch (IllegalArgumentException e) {
      throw MalformedResponse.at(parser, e.getMessage());
    }
  }

  private static void requireHexString(JsonParser parser, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_STRING) {
      throw MalformedResponse.at(parser, "expected " + what + " as a 0x-prefixed string, got " + Json.describe(token));
    }
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    if (parser.getTextLength() < 2 || chars[offset] != '0' || chars[offset + 1] != 'x') {
      throw MalformedResponse.at(parser, "expected " + what + " starting with 0x, got " + shown(parser));
    }
  }

  private static String shown(JsonParser parser) throws IOException {
    String text = parser.getText();
    return "\"" + (text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...") + "\"";
  }
}
