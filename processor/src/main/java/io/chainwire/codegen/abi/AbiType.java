package io.chainwire.codegen.abi;

import java.util.List;
import java.util.stream.Collectors;

/** A Solidity ABI type, as an event parameter declares it. */
public sealed interface AbiType {
    /** Number of bytes one word of the encoding takes. */
    int WORD = 32;

    /** Returns the canonical type as it appears in signatures, for example {@code (uint256,address)[]}. */
    String canonical();

    /** Returns true if the encoding has a variable size and lives in the tail behind an offset. */
    boolean isDynamic();

    /**
     * Returns the bytes the type takes in the head of its enclosing tuple: 32 if dynamic, else its whole static size.
     */
    default int headSize() {
        return WORD;
    }

    /** Returns true if the type is a value type, stored in an indexed topic as itself rather than hashed. */
    default boolean isValueType() {
        return !isDynamic() && !(this instanceof ArrayType) && !(this instanceof TupleType);
    }

    /** {@code uint8..uint256}. */
    record UintType(int bits) implements AbiType {
        @Override
        public String canonical() {
            return "uint" + bits;
        }

        @Override
        public boolean isDynamic() {
            return false;
        }
    }

    /** {@code int8..int256}. */
    record IntType(int bits) implements AbiType {
        @Override
        public String canonical() {
            return "int" + bits;
        }

        @Override
        public boolean isDynamic() {
            return false;
        }
    }

    /** {@code address}. */
    record AddressType() implements AbiType {
        @Override
        public String canonical() {
            return "address";
        }

        @Override
        public boolean isDynamic() {
            return false;
        }
    }

    /** {@code bool}. */
    record BoolType() implements AbiType {
        @Override
        public String canonical() {
            return "bool";
        }

        @Override
        public boolean isDynamic() {
            return false;
        }
    }

    /** {@code bytes1..bytes32}. */
    record FixedBytesType(int size) implements AbiType {
        @Override
        public String canonical() {
            return "bytes" + size;
        }

        @Override
        public boolean isDynamic() {
            return false;
        }
    }

    /** {@code function}: a 20-byte address followed by a 4-byte selector. */
    record FunctionType() implements AbiType {
        /** Number of bytes in a function reference. */
        public static final int SIZE = 24;

        @Override
        public String canonical() {
            return "function";
        }

        @Override
        public boolean isDynamic() {
            return false;
        }
    }

    /** Dynamic {@code bytes}. */
    record BytesType() implements AbiType {
        @Override
        public String canonical() {
            return "bytes";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }
    }

    /** {@code string}. */
    record StringType() implements AbiType {
        @Override
        public String canonical() {
            return "string";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }
    }

    /**
     * {@code T[]} (when {@code length} is -1) or {@code T[k]}.
     *
     * @param element the element type
     * @param length the fixed length, or -1 for a dynamic array
     */
    record ArrayType(AbiType element, int length) implements AbiType {
        /** The {@code length} of a dynamic array. */
        public static final int DYNAMIC = -1;

        /** Returns true for {@code T[]}, false for {@code T[k]}. */
        public boolean isDynamicLength() {
            return length == DYNAMIC;
        }

        @Override
        public String canonical() {
            return element.canonical() + (length == DYNAMIC ? "[]" : "[" + length + "]");
        }

        @Override
        public boolean isDynamic() {
            return length == DYNAMIC || element.isDynamic();
        }

        @Override
        public int headSize() {
            return isDynamic() ? WORD : length * element.headSize();
        }
    }

    /**
     * A tuple (a Solidity struct).
     *
     * @param components the members, in order
     * @param structName the struct's simple name from {@code internalType} (for example {@code Order} from
     *     {@code struct Market.Order}), or null when the ABI does not say
     * @param qualifiedName the struct's name as {@code internalType} gives it (for example {@code Market.Order}), or
     *     null
     */
    record TupleType(List<AbiParameter> components, String structName, String qualifiedName) implements AbiType {
        /** Copies the component list. */
        public TupleType {
            components = List.copyOf(components);
        }

        @Override
        public String canonical() {
            return components.stream().map(c -> c.type().canonical()).collect(Collectors.joining(",", "(", ")"));
        }

        @Override
        public boolean isDynamic() {
            return components.stream().anyMatch(c -> c.type().isDynamic());
        }

        @Override
        public int headSize() {
            return isDynamic()
                    ? WORD
                    : components.stream().mapToInt(c -> c.type().headSize()).sum();
        }
    }
}
