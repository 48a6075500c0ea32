package com.example.clash;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;

/** The project's own uses of JavaPoet and Jackson, on the versions it pinned. */
public final class OwnLibraries {
  private OwnLibraries() {}

  /** Writes an empty class with the project's JavaPoet. */
  public static String emptyClass(String packageName, String name) {
    return JavaFile.builder(packageName, TypeSpec.classBuilder(name).build()).build().toString();
  }

  /** Returns the first field name of a JSON object, read with the project's Jackson. */
  public static String firstField(String json) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      parser.nextToken();
      return parser.nextToken() == JsonToken.FIELD_NAME ? parser.getCurrentName() : null;
    }
  }
}
