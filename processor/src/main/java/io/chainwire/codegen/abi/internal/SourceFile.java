package io.chainwire.codegen.abi.internal;

import io.chainwire.codegen.abi.AbiFormatException;

/**
 * The file being read, as errors name it.
 *
 * @param name the file name shown in errors
 */
public record SourceFile(String name) {
    /** Returns an error about the value {@code at}, found at {@code path}. */
    public AbiFormatException error(JsonPath path, JsonValue at, String reason) {
        return error(path, at.line(), at.column(), reason);
    }

    /** Returns an error about the value at {@code path}, which starts at {@code line}:{@code column}. */
    public AbiFormatException error(JsonPath path, int line, int column, String reason) {
        return new AbiFormatException(name, path.toString(), line, column, reason);
    }
}
