package io.chainwire.codegen.abi.internal;

import io.chainwire.codegen.abi.AbiType;
import io.chainwire.codegen.abi.AbiType.AddressType;
import io.chainwire.codegen.abi.AbiType.ArrayType;
import io.chainwire.codegen.abi.AbiType.BoolType;
import io.chainwire.codegen.abi.AbiType.BytesType;
import io.chainwire.codegen.abi.AbiType.FixedBytesType;
import io.chainwire.codegen.abi.AbiType.FunctionType;
import io.chainwire.codegen.abi.AbiType.IntType;
import io.chainwire.codegen.abi.AbiType.StringType;
import io.chainwire.codegen.abi.AbiType.UintType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the {@code type} of an ABI parameter by the grammar of the Solidity ABI specification. */
final class TypeNameParser {
    private static final Pattern SIZED = Pattern.compile("(uint|int|bytes)([0-9]+)");
    private static final Pattern FIXED_POINT = Pattern.compile("u?fixed([0-9]+x[0-9]+)?");
    private static final String KNOWN_TYPES =
            "expected uint<M>, int<M>, address, bool, bytes<M>, bytes, string, function or tuple,"
                    + " optionally followed by array suffixes [] or [k]";
    private static final int MAX_INTEGER_BITS = 256;
    private static final int MAX_FIXED_BYTES = 32;

    private TypeNameParser() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with the reason, when {@code text} is not a type chainwire supports
     */
    static TypeName parse(String text) {
        int bracket = text.indexOf('[');
        String base = bracket < 0 ? text : text.substring(0, bracket);
        AbiType elementary = base.equals("tuple") ? null : elementary(text, base);
        List<Integer> dimensions = bracket < 0 ? List.of() : dimensions(text, text.substring(bracket));
        return new TypeName(elementary, dimensions);
    }

    private static AbiType elementary(String text, String base) {
        return switch (base) {
            case "address" -> new AddressType();
            case "bool" -> new BoolType();
            case "bytes" -> new BytesType();
            case "string" -> new StringType();
            case "function" -> new FunctionType();
            case "uint" -> new UintType(MAX_INTEGER_BITS);
            case "int" -> new IntType(MAX_INTEGER_BITS);
            default -> sized(text, base);
        };
    }

    /** Parses {@code uint<M>}, {@code int<M>} and {@code bytes<M>}, and explains the near misses. */
    private static AbiType sized(String text, String base) {
        if (FIXED_POINT.matcher(base).matches()) {
            throw new IllegalArgumentException(
                    "unsupported type " + Quotes.quote(text)
                            + ": fixed-point types are not supported by Solidity's ABI encoder in practice and not by chainwire");
        }
        Matcher sized = SIZED.matcher(base);
        if (!sized.matches()) {
            throw unknown(text, KNOWN_TYPES);
        }
        String digits = sized.group(2);
        int size = digits.length() > 3 || digits.charAt(0) == '0' ? -1 : Integer.parseInt(digits);
        if (sized.group(1).equals("bytes")) {
            if (size < 1 || size > MAX_FIXED_BYTES) {
                throw unknown(text, "fixed-size byte arrays are bytes1 to bytes32; use bytes for any other length");
            }
            return new FixedBytesType(size);
        }
        if (size < 8 || size > MAX_INTEGER_BITS || size % 8 != 0) {
            throw unknown(text, "integer widths are 8 to 256 in steps of 8");
        }
        return sized.group(1).equals("uint") ? new UintType(size) : new IntType(size);
    }

    private static List<Integer> dimensions(String text, String suffixes) {
        List<Integer> dimensions = new ArrayList<>();
        int i = 0;
        while (i < suffixes.length()) {
            if (suffixes.charAt(i) != '[') {
                throw invalidArray(
                        text,
                        "unexpected " + Quotes.quote(suffixes.substring(i)) + " after an array suffix; " + KNOWN_TYPES);
            }
            int close = suffixes.indexOf(']', i);
            if (close < 0) {
                throw invalidArray(
                        text, "array suffix " + Quotes.quote(suffixes.substring(i)) + " is not closed with ]");
            }
            dimensions.add(length(text, suffixes.substring(i + 1, close)));
            i = close + 1;
        }
        return dimensions;
    }

    private static int length(String text, String digits) {
        if (digits.isEmpty()) {
            return ArrayType.DYNAMIC;
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalidArray(
                    text,
                    "array length " + Quotes.quote(digits)
                            + " is not a number: use [] for a dynamic array or [k] with k a positive decimal number");
        }
        if (digits.equals("0")) {
            throw invalidArray(text, "array length 0 is not allowed: a fixed-size array has at least one element");
        }
        if (digits.charAt(0) == '0') {
            throw invalidArray(
                    text,
                    "array length " + Quotes.quote(digits)
                            + " has a leading zero: write lengths as plain decimal numbers");
        }
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw invalidArray(
                    text,
                    "array length " + digits + " is too large: chainwire supports fixed lengths up to "
                            + Integer.MAX_VALUE);
        }
        return Integer.parseInt(digits);
    }

    private static IllegalArgumentException invalidArray(String text, String reason) {
        return new IllegalArgumentException("invalid array type " + Quotes.quote(text) + ": " + reason);
    }

    private static IllegalArgumentException unknown(String text, String reason) {
        return new IllegalArgumentException("unknown type " + Quotes.quote(text) + ": " + reason);
    }
}
