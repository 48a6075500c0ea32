package io.chainwire.codegen.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chainwire.codegen.abi.AbiType.AddressType;
import io.chainwire.codegen.abi.AbiType.ArrayType;
import io.chainwire.codegen.abi.AbiType.BoolType;
import io.chainwire.codegen.abi.AbiType.BytesType;
import io.chainwire.codegen.abi.AbiType.FixedBytesType;
import io.chainwire.codegen.abi.AbiType.FunctionType;
import io.chainwire.codegen.abi.AbiType.IntType;
import io.chainwire.codegen.abi.AbiType.StringType;
import io.chainwire.codegen.abi.AbiType.TupleType;
import io.chainwire.codegen.abi.AbiType.UintType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type the grammar accepts, its model value and canonical form. */
final class AbiReaderTypesTest {
    private static final AbiType UINT8 = new UintType(8);
    private static final AbiType UINT256 = new UintType(256);

    static Stream<Arguments> elementaryTypes() {
        List<Arguments> types = new ArrayList<>();
        for (int bits = 8; bits <= 256; bits += 8) {
            types.add(Arguments.of("uint" + bits, new UintType(bits), "uint" + bits));
            types.add(Arguments.of("int" + bits, new IntType(bits), "int" + bits));
        }
        for (int size = 1; size <= 32; size++) {
            types.add(Arguments.of("bytes" + size, new FixedBytesType(size), "bytes" + size));
        }
        types.add(Arguments.of("uint", UINT256, "uint256"));
        types.add(Arguments.of("int", new IntType(256), "int256"));
        types.add(Arguments.of("address", new AddressType(), "address"));
        types.add(Arguments.of("bool", new BoolType(), "bool"));
        types.add(Arguments.of("bytes", new BytesType(), "bytes"));
        types.add(Arguments.of("string", new StringType(), "string"));
        types.add(Arguments.of("function", new FunctionType(), "function"));
        return types.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementaryTypes")
    void readsElementaryType(String written, AbiType expected, String canonical) throws AbiFormatException {
        AbiType type = onlyInputType("{'name': 'v', 'type': '" + written + "'}");

        assertEquals(expected, type);
        assertEquals(canonical, type.canonical());
    }

    static Stream<Arguments> arrayTypes() {
        return Stream.of(
                Arguments.of("uint8[]", new ArrayType(UINT8, ArrayType.DYNAMIC)),
                Arguments.of("uint8[3]", new ArrayType(UINT8, 3)),
                Arguments.of("uint8[][3]", new ArrayType(new ArrayType(UINT8, ArrayType.DYNAMIC), 3)),
                Arguments.of("uint8[3][]", new ArrayType(new ArrayType(UINT8, 3), ArrayType.DYNAMIC)),
                Arguments.of(
                        "string[2][10][]",
                        new ArrayType(new ArrayType(new ArrayType(new StringType(), 2), 10), ArrayType.DYNAMIC)),
                Arguments.of("bytes32[1]", new ArrayType(new FixedBytesType(32), 1)),
                Arguments.of("address[67108863]", new ArrayType(new AddressType(), 67_108_863)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrayTypes")
    void readsArraySuffixesWithTheRightmostOutermost(String written, AbiType expected) throws AbiFormatException {
        AbiType type = onlyInputType("{'type': '" + written + "'}");

        assertEquals(expected, type);
        assertEquals(written, type.canonical());
    }

    @Test
    void writesUintAliasCanonicallyInsideArrays() throws AbiFormatException {
        AbiType type = onlyInputType("{'type': 'uint[2][]'}");

        assertEquals(new ArrayType(new ArrayType(UINT256, 2), ArrayType.DYNAMIC), type);
        assertEquals("uint256[2][]", type.canonical());
    }

    @Test
    void readsTupleWithComponents() throws AbiFormatException {
        AbiType type = onlyInputType("{'name': 'order', 'type': 'tuple', 'components': ["
                + "{'name': 'maker', 'type': 'address'}, {'name': 'amount', 'type': 'uint'}]}");

        assertEquals(
                new TupleType(
                        List.of(
                                new AbiParameter("maker", new AddressType(), false, null),
                                new AbiParameter("amount", UINT256, false, null)),
                        null,
                        null),
                type);
        assertEquals("(address,uint256)", type.canonical());
    }

    @Test
    void readsTupleArraysAsArraysOfTheTuple() throws AbiFormatException {
        AbiType type = onlyInputType("{'type': 'tuple[2][]', 'components': [{'type': 'bool'}, {'type': 'bytes'}]}");

        TupleType tuple = new TupleType(
                List.of(
                        new AbiParameter("", new BoolType(), false, null),
                        new AbiParameter("", new BytesType(), false, null)),
                null,
                null);
        assertEquals(new ArrayType(new ArrayType(tuple, 2), ArrayType.DYNAMIC), type);
        assertEquals("(bool,bytes)[2][]", type.canonical());
    }

    @Test
    void readsTuplesNestedInTuplesAndArrays() throws AbiFormatException {
        AbiType type = onlyInputType("{'type': 'tuple[]', 'components': ["
                + "{'name': 'id', 'type': 'uint64'},"
                + "{'name': 'legs', 'type': 'tuple[3]', 'components': ["
                + "  {'name': 'path', 'type': 'address[]'},"
                + "  {'name': 'inner', 'type': 'tuple', 'components': [{'name': 'flag', 'type': 'bool'}]}]}]}");

        assertEquals("(uint64,(address[],(bool))[3])[]", type.canonical());
        TupleType outer = (TupleType) ((ArrayType) type).element();
        TupleType leg = (TupleType) ((ArrayType) outer.components().get(1).type()).element();
        assertEquals(
                new TupleType(List.of(new AbiParameter("flag", new BoolType(), false, null)), null, null),
                leg.components().get(1).type());
    }

    @Test
    void acceptsThirtyTwoArrayLevels() throws AbiFormatException {
        AbiType type = onlyInputType("{'type': 'uint8" + "[]".repeat(32) + "'}");

        assertEquals(32, arrayLevels(type));
    }

    @Test
    void acceptsThirtyTwoTupleLevels() throws AbiFormatException {
        AbiType type =
                onlyInputType("{'type': 'tuple', 'components': [".repeat(32) + "{'type': 'bool'}" + "]}".repeat(32));

        assertEquals("(".repeat(32) + "bool" + ")".repeat(32), type.canonical());
    }

    @Test
    void acceptsThirtyTwoLevelsMixingTuplesAndArrays() throws AbiFormatException {
        AbiType type = onlyInputType(
                "{'type': 'tuple" + "[]".repeat(15) + "', 'components': [{'type': 'uint8" + "[]".repeat(16) + "'}]}");

        assertEquals("(uint8" + "[]".repeat(16) + ")" + "[]".repeat(15), type.canonical());
    }

    static Stream<Arguments> structNames() {
        return Stream.of(
                Arguments.of("struct Market.Order", "Order", "Market.Order"),
                Arguments.of("struct Order", "Order", "Order"),
                Arguments.of("struct Lib.Inner.Order", "Order", "Lib.Inner.Order"),
                Arguments.of("struct $_Order9", "$_Order9", "$_Order9"),
                Arguments.of("tuple", null, null),
                Arguments.of("contract Market", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structNames")
    void takesStructNamesFromInternalType(String internalType, String structName, String qualifiedName)
            throws AbiFormatException {
        AbiParameter input = onlyInput(
                "{'type': 'tuple', 'internalType': '" + internalType + "', 'components': [{'type': 'bool'}]}");

        TupleType tuple = (TupleType) input.type();
        assertEquals(structName, tuple.structName());
        assertEquals(qualifiedName, tuple.qualifiedName());
        assertEquals(internalType, input.internalType());
    }

    @Test
    void stripsArraySuffixesFromStructNames() throws AbiFormatException {
        AbiType type = onlyInputType(
                "{'type': 'tuple[2][]', 'internalType': 'struct Order[2][]', 'components': [{'type': 'bool'}]}");

        TupleType tuple = (TupleType) ((ArrayType) ((ArrayType) type).element()).element();
        assertEquals("Order", tuple.structName());
        assertEquals("Order", tuple.qualifiedName());
    }

    @Test
    void leavesStructNamesNullWithoutInternalType() throws AbiFormatException {
        AbiParameter input = onlyInput("{'type': 'tuple', 'components': [{'type': 'bool'}]}");

        TupleType tuple = (TupleType) input.type();
        assertNull(tuple.structName());
        assertNull(tuple.qualifiedName());
        assertNull(input.internalType());
    }

    @Test
    void takesStructNamesAtEveryNestingLevel() throws AbiFormatException {
        AbiType type = onlyInputType("{'type': 'tuple', 'internalType': 'struct Book.Trade', 'components': ["
                + "{'name': 'legs', 'type': 'tuple[]', 'internalType': 'struct Book.Leg[]', 'components': ["
                + "  {'name': 'fee', 'type': 'tuple', 'internalType': 'struct Fees.Fee', 'components': [{'name': 'bps', 'type': 'uint16', 'internalType': 'uint16'}]},"
                + "  {'name': 'anon', 'type': 'tuple', 'components': [{'name': 'x', 'type': 'int8'}]}]}]}");

        TupleType trade = (TupleType) type;
        AbiParameter legs = trade.components().get(0);
        TupleType leg = (TupleType) ((ArrayType) legs.type()).element();
        TupleType fee = (TupleType) leg.components().get(0).type();
        TupleType anon = (TupleType) leg.components().get(1).type();
        assertEquals(List.of("Trade", "Book.Trade"), List.of(trade.structName(), trade.qualifiedName()));
        assertEquals(List.of("Leg", "Book.Leg"), List.of(leg.structName(), leg.qualifiedName()));
        assertEquals("struct Book.Leg[]", legs.internalType());
        assertEquals(List.of("Fee", "Fees.Fee"), List.of(fee.structName(), fee.qualifiedName()));
        assertEquals("uint16", fee.components().get(0).internalType());
        assertNull(anon.structName());
    }

    @Test
    void ignoresIndexedOnTupleComponents() throws AbiFormatException {
        AbiType type =
                onlyInputType("{'type': 'tuple', 'components': [{'name': 'a', 'type': 'bool', 'indexed': true}]}");

        assertFalse(((TupleType) type).components().get(0).indexed());
    }

    @Test
    void allowsTheSameNameInDifferentTuples() throws AbiFormatException {
        AbiType type = onlyInputType("{'name': 'a', 'type': 'tuple', 'components': ["
                + "{'name': 'a', 'type': 'tuple', 'components': [{'name': 'a', 'type': 'bool'}]}]}");

        assertEquals("((bool))", type.canonical());
    }

    private static int arrayLevels(AbiType type) {
        return type instanceof ArrayType array ? 1 + arrayLevels(array.element()) : 0;
    }

    private static AbiType onlyInputType(String input) throws AbiFormatException {
        return onlyInput(input).type();
    }

    private static AbiParameter onlyInput(String input) throws AbiFormatException {
        String json = "[{'type': 'event', 'name': 'E', 'inputs': [" + input + "]}]";
        List<AbiContract> contracts = TestAbis.read("E.json", json);
        List<AbiParameter> inputs = contracts.get(0).events().get(0).inputs();
        assertEquals(1, inputs.size());
        return inputs.get(0);
    }
}
