package io.chainwire.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Indexed;
import io.chainwire.codegen.abi.AbiParameter;
import io.chainwire.codegen.abi.AbiType;
import io.chainwire.codegen.abi.AbiType.AddressType;
import io.chainwire.codegen.abi.AbiType.ArrayType;
import io.chainwire.codegen.abi.AbiType.BoolType;
import io.chainwire.codegen.abi.AbiType.IntType;
import io.chainwire.codegen.abi.AbiType.StringType;
import io.chainwire.codegen.abi.AbiType.TupleType;
import io.chainwire.codegen.abi.AbiType.UintType;
import java.math.BigInteger;
import java.util.List;

/**
 * The Java type of each ABI type: {@code boolean}; {@code int} for integers of up to 31 value bits
 * ({@code uint8..uint24}, {@code int8..int32}); {@code long} up to 63 ({@code uint32..uint56}, {@code int40..int64});
 * {@link BigInteger} beyond; {@link Address}; {@link Bytes} for {@code bytesN}, {@code bytes} and {@code function};
 * {@link String}; {@link List} of the boxed element type for arrays; the struct's record for tuples.
 */
final class JavaTypes {
    static final ClassName ADDRESS = ClassName.get(Address.class);
    static final ClassName BYTES = ClassName.get(Bytes.class);
    static final ClassName BIG_INTEGER = ClassName.get(BigInteger.class);
    static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName INDEXED = ClassName.get(Indexed.class);

    private final ContractNames names;

    JavaTypes(ContractNames names) {
        this.names = names;
    }

    /** Returns the Java type of {@code type}: a primitive for {@code bool} and narrow integers. */
    TypeName of(AbiType type) {
        if (type instanceof UintType uint) {
            return integer(uint.bits(), false);
        } else if (type instanceof IntType integer) {
            return integer(integer.bits(), true);
        } else if (type instanceof BoolType) {
            return TypeName.BOOLEAN;
        } else if (type instanceof AddressType) {
            return ADDRESS;
        } else if (type instanceof StringType) {
            return STRING;
        } else if (type instanceof ArrayType array) {
            return ParameterizedTypeName.get(LIST, of(array.element()).box());
        } else if (type instanceof TupleType tuple) {
            return names.structClass(tuple);
        }
        return BYTES;
    }

    /**
     * Returns the type of an event record component: {@link #of} for data and indexed value types, {@code Indexed<T>}
     * for an indexed reference type, whose value the log holds only as a hash.
     */
    TypeName component(AbiParameter parameter) {
        TypeName type = of(parameter.type());
        return parameter.indexed() && !parameter.type().isValueType()
                ? ParameterizedTypeName.get(INDEXED, type.box())
                : type;
    }

    /**
     * Returns {@code int}, {@code long} or {@link BigInteger}, the narrowest that holds every value of the integer
     * type.
     */
    static TypeName integer(int bits, boolean signed) {
        int valueBits = signed ? bits - 1 : bits;
        if (valueBits < Integer.SIZE) {
            return TypeName.INT;
        }
        return valueBits < Long.SIZE ? TypeName.LONG : BIG_INTEGER;
    }
}
