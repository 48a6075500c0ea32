package io.chainwire.codegen.java;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.codegen.abi.AbiParameter;
import io.chainwire.codegen.abi.AbiType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.AbiTypes;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticArray;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;

/**
 * Random values of any ABI type, each as a web3j {@link Type} (the independent encoder) and as the value chainwire
 * should decode, in the normal form of {@link DecodedValues}.
 */
final class AbiSamples {
    private static final int[] CODE_POINTS = {'a', 'Z', '0', ' ', 0xe9, 0x416, 0x4e2d, 0x1f600, 0x10348};

    private final SplittableRandom random;

    AbiSamples(long seed) {
        random = new SplittableRandom(seed);
    }

    /** A value as web3j encodes it and as chainwire should decode it. */
    record Sample(Type<?> web3j, Object expected) {}

    Sample sample(AbiType type) {
        if (type instanceof AbiType.UintType t) {
            BigInteger value = edgeOr(
                    BigInteger.ZERO,
                    BigInteger.TWO.pow(t.bits()).subtract(BigInteger.ONE),
                    new BigInteger(t.bits(), random()));
            return new Sample(numeric(t.canonical(), value), value);
        }
        if (type instanceof AbiType.IntType t) {
            BigInteger half = BigInteger.TWO.pow(t.bits() - 1);
            BigInteger value = edgeOr(
                    half.negate(), half.subtract(BigInteger.ONE), new BigInteger(t.bits(), random()).subtract(half));
            return new Sample(numeric(t.canonical(), value), value);
        }
        if (type instanceof AbiType.AddressType) {
            byte[] bytes = bytes(20);
            return new Sample(new org.web3j.abi.datatypes.Address(new BigInteger(1, bytes)), Address.of(bytes));
        }
        if (type instanceof AbiType.BoolType) {
            boolean value = random.nextBoolean();
            return new Sample(new Bool(value), value);
        }
        if (type instanceof AbiType.FixedBytesType t) {
            byte[] bytes = bytes(t.size());
            return new Sample(fixedBytes(t.size(), bytes), Bytes.of(bytes));
        }
        if (type instanceof AbiType.FunctionType) {
            byte[] bytes = bytes(AbiType.FunctionType.SIZE);
            return new Sample(fixedBytes(AbiType.FunctionType.SIZE, bytes), Bytes.of(bytes));
        }
        if (type instanceof AbiType.BytesType) {
            byte[] bytes = bytes(length(70));
            return new Sample(new DynamicBytes(bytes), Bytes.of(bytes));
        }
        if (type instanceof AbiType.StringType) {
            // web3j 4.13.0 sizes a Utf8String by its UTF-16 length when it computes the offsets of the
            // values after it, which breaks any non-ASCII string inside an array or tuple. A string
            // encodes exactly like bytes holding its UTF-8 form, so web3j gets that.
            String value = text(length(40));
            return new Sample(new DynamicBytes(value.getBytes(StandardCharsets.UTF_8)), value);
        }
        if (type instanceof AbiType.ArrayType t) {
            int count = t.isDynamicLength() ? length(4) : t.length();
            List<Type<?>> web3j = new ArrayList<>();
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Sample element = sample(t.element());
                web3j.add(element.web3j());
                expected.add(element.expected());
            }
            return new Sample(array(t, web3j), expected);
        }
        return tuple((AbiType.TupleType) type);
    }

    /** web3j's structs take a raw {@code List<Type>}. */
    @SuppressWarnings("rawtypes")
    private Sample tuple(AbiType.TupleType t) {
        List<Type> web3j = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (AbiParameter component : t.components()) {
            Sample value = sample(component.type());
            web3j.add(value.web3j());
            expected.add(value.expected());
        }
        return new Sample(t.isDynamic() ? new DynamicStruct(web3j) : new StaticStruct(web3j), expected);
    }

    /**
     * Returns the topic an indexed value produces: the value's word for value types, else the Keccak-256 hash of its
     * in-place encoding (Solidity ABI specification, "Encoding of indexed event parameters").
     */
    static Hash topic(AbiType type, Sample sample) {
        if (type.isValueType()) {
            return Hash.fromHex(TypeEncoder.encode(sample.web3j()));
        }
        return Hash.keccak256(inPlace(type, sample.expected()));
    }

    private static byte[] inPlace(AbiType type, Object expected) {
        if (type instanceof AbiType.StringType) {
            return ((String) expected).getBytes(StandardCharsets.UTF_8);
        }
        if (type instanceof AbiType.BytesType) {
            return ((Bytes) expected).toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<?> elements = (List<?>) expected;
        for (int i = 0; i < elements.size(); i++) {
            AbiType elementType = type instanceof AbiType.ArrayType a
                    ? a.element()
                    : ((AbiType.TupleType) type).components().get(i).type();
            byte[] encoded = elementType.isValueType()
                    ? Hash.fromHex(valueWord(elementType, elements.get(i))).toByteArray()
                    : inPlace(elementType, elements.get(i));
            out.writeBytes(encoded);
            if (elementType instanceof AbiType.StringType || elementType instanceof AbiType.BytesType) {
                out.writeBytes(new byte[(32 - encoded.length % 32) % 32]);
            }
        }
        return out.toByteArray();
    }

    private static String valueWord(AbiType type, Object expected) {
        if (type instanceof AbiType.UintType || type instanceof AbiType.IntType) {
            BigInteger value = (BigInteger) expected;
            return TypeEncoder.encode(numeric(type.canonical(), value));
        }
        if (type instanceof AbiType.AddressType) {
            return "0x" + "00".repeat(12) + ((Address) expected).toHex().substring(2);
        }
        if (type instanceof AbiType.BoolType) {
            return String.format("0x%064x", (Boolean) expected ? 1 : 0);
        }
        String hex = ((Bytes) expected).toHex().substring(2);
        return "0x" + hex + "0".repeat(64 - hex.length());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Type<?> array(AbiType.ArrayType type, List<Type<?>> elements) {
        Class elementClass = elementClass(type.element());
        if (type.isDynamicLength()) {
            return new DynamicArray(elementClass, elements);
        }
        if (type.element().isDynamic()) {
            // web3j 4.13.0 writes a static array of dynamic elements inline, without the offsets the
            // ABI specification requires; a tuple of the same elements has exactly the right encoding.
            return new DynamicStruct((List) elements);
        }
        try {
            return (Type<?>) Class.forName("org.web3j.abi.datatypes.generated.StaticArray" + type.length())
                    .getConstructor(Class.class, List.class)
                    .newInstance(elementClass, elements);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("web3j has no static array of length " + type.length(), e);
        }
    }

    private static Class<?> elementClass(AbiType element) {
        if (element instanceof AbiType.ArrayType a) {
            return a.isDynamicLength() ? DynamicArray.class : StaticArray.class;
        }
        if (element instanceof AbiType.TupleType t) {
            return t.isDynamic() ? DynamicStruct.class : StaticStruct.class;
        }
        if (element instanceof AbiType.FunctionType) {
            return AbiTypes.getType("bytes24");
        }
        return AbiTypes.getType(element.canonical());
    }

    private static Type<?> numeric(String canonical, BigInteger value) {
        return construct(AbiTypes.getType(canonical), BigInteger.class, value);
    }

    private static Type<?> fixedBytes(int size, byte[] value) {
        return construct(AbiTypes.getType("bytes" + size), byte[].class, value);
    }

    private static Type<?> construct(Class<?> type, Class<?> argument, Object value) {
        try {
            return (Type<?>) type.getConstructor(argument).newInstance(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("web3j cannot build " + type.getSimpleName(), e);
        }
    }

    private BigInteger edgeOr(BigInteger min, BigInteger max, BigInteger otherwise) {
        int pick = random.nextInt(10);
        return pick == 0 ? min : pick == 1 ? max : otherwise;
    }

    private java.util.Random random() {
        return new java.util.Random(random.nextLong());
    }

    private int length(int max) {
        int pick = random.nextInt(8);
        return pick == 0 ? 0 : pick == 1 ? 32 : random.nextInt(max + 1);
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private String text(int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return text.toString();
    }
}
