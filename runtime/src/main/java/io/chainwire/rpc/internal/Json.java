package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;

/** The shared Jackson streaming factory and the few structure-copying helpers built on it. */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}

  /** Returns a parser over a response body; closing it closes the stream. */
  public static JsonParser parser(InputStream in) throws IOException {
    return FACTORY.createParser(in);
  }

  /** Returns a parser over a complete message, as a WebSocket delivers it. */
  public static JsonParser parser(String text) throws IOException {
    return FACTORY.createParser(text);
  }

  static JsonParser parser(byte[] bytes) throws IOException {
    return FACTORY.createParser(bytes);
  }

  static JsonGenerator generator(ByteArrayOutputStream out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  /** Copies the value at the parser's current token (and everything nested in it) as JSON text. */
  static String copyAsText(JsonParser parser) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.toString();
  }

  /** Copies the value at the parser's current token as UTF-8 JSON, for parsing again later. */
  static byte[] copyAsBytes(JsonParser parser) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = generator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.toByteArray();
  }

  /** Names a token's JSON type for messages: "a string", "null", "an object". */
  static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }
}
