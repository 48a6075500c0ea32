package io.chainwire.codegen.java;

import static io.chainwire.codegen.java.LoadedContract.get;
import static io.chainwire.codegen.java.LoadedContract.log;
import static io.chainwire.codegen.java.LoadedContract.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.TopicFilter;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes1;
import org.web3j.abi.datatypes.generated.Bytes24;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Int32;
import org.web3j.abi.datatypes.generated.Int40;
import org.web3j.abi.datatypes.generated.Int64;
import org.web3j.abi.datatypes.generated.Int72;
import org.web3j.abi.datatypes.generated.Int8;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint56;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/** Every value type at the edges of its range, in data and in topics, against web3j's encoding. */
class ValueTypeDecodingTest {
    private static final String ABI = """
      [{"type": "event", "name": "Widths", "anonymous": false, "inputs": [
        {"name": "small", "type": "int8", "indexed": true},
        {"name": "callback", "type": "function", "indexed": true},
        {"name": "u8", "type": "uint8"}, {"name": "u24", "type": "uint24"}, {"name": "u32", "type": "uint32"},
        {"name": "u56", "type": "uint56"}, {"name": "u64", "type": "uint64"}, {"name": "u256", "type": "uint256"},
        {"name": "i8", "type": "int8"}, {"name": "i32", "type": "int32"}, {"name": "i40", "type": "int40"},
        {"name": "i64", "type": "int64"}, {"name": "i72", "type": "int72"}, {"name": "i256", "type": "int256"},
        {"name": "flag", "type": "bool"}, {"name": "who", "type": "address"}, {"name": "b1", "type": "bytes1"},
        {"name": "b32", "type": "bytes32"}, {"name": "fn", "type": "function"}]}]
      """;
    private static final BigInteger TWO = BigInteger.TWO;
    private static final LoadedContract WIDTHS = LoadedContract.fromJson("valuewidths", ABI);
    private static final Address WHO = Address.fromHex("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");

    @Test
    void decodesTheLargestValueOfEachType() {
        Object event = WIDTHS.decode(widths(true));
        assertEquals(-128, get(event, "small"));
        assertEquals(Bytes.fromHex("ab".repeat(24)), get(event, "callback"));
        assertEquals(255, get(event, "u8"));
        assertEquals((1 << 24) - 1, get(event, "u24"));
        assertEquals((1L << 32) - 1, get(event, "u32"));
        assertEquals((1L << 56) - 1, get(event, "u56"));
        assertEquals(TWO.pow(64).subtract(BigInteger.ONE), get(event, "u64"));
        assertEquals(TWO.pow(256).subtract(BigInteger.ONE), get(event, "u256"));
        assertEquals(127, get(event, "i8"));
        assertEquals(Integer.MAX_VALUE, get(event, "i32"));
        assertEquals((1L << 39) - 1, get(event, "i40"));
        assertEquals(Long.MAX_VALUE, get(event, "i64"));
        assertEquals(TWO.pow(71).subtract(BigInteger.ONE), get(event, "i72"));
        assertEquals(TWO.pow(255).subtract(BigInteger.ONE), get(event, "i256"));
        assertEquals(true, get(event, "flag"));
        assertEquals(WHO, get(event, "who"));
        assertEquals(Bytes.fromHex("0xff"), get(event, "b1"));
        assertEquals(Bytes.fromHex("11".repeat(32)), get(event, "b32"));
        assertEquals(Bytes.fromHex("cd".repeat(24)), get(event, "fn"));
    }

    @Test
    void decodesTheSmallestValueOfEachType() {
        Object event = WIDTHS.decode(widths(false));
        assertEquals(0, get(event, "u8"));
        assertEquals(0L, get(event, "u56"));
        assertEquals(BigInteger.ZERO, get(event, "u64"));
        assertEquals(-128, get(event, "i8"));
        assertEquals(Integer.MIN_VALUE, get(event, "i32"));
        assertEquals(-(1L << 39), get(event, "i40"));
        assertEquals(Long.MIN_VALUE, get(event, "i64"));
        assertEquals(TWO.pow(71).negate(), get(event, "i72"));
        assertEquals(TWO.pow(255).negate(), get(event, "i256"));
        assertEquals(false, get(event, "flag"));
    }

    @Test
    void filterEncodesSignedAndFunctionTopicsAsTheLogHoldsThem() {
        Object builder = LoadedContract.call(WIDTHS.nested("Widths"), "filter");
        LoadedContract.invoke(builder, "small", (Object) new int[] {-128, 5});
        LoadedContract.invoke(builder, "callback", (Object) new Bytes[] {Bytes.fromHex("ab".repeat(24))});
        TopicFilter filter = (TopicFilter) LoadedContract.invoke(builder, "build");
        assertEquals(
                List.of(topic(new Int8(-128)), topic(new Int8(5))),
                filter.positions().get(1));
        assertEquals(
                List.of(topic(new Bytes24(Bytes.fromHex("ab".repeat(24)).toByteArray()))),
                filter.positions().get(2));
        assertEquals(true, filter.matches(widths(true)));
    }

    @SuppressWarnings("rawtypes")
    private static RawLog widths(boolean max) {
        Function<Integer, BigInteger> signedEdge = bits -> max
                ? TWO.pow(bits - 1).subtract(BigInteger.ONE)
                : TWO.pow(bits - 1).negate();
        Function<Integer, BigInteger> unsignedEdge =
                bits -> max ? TWO.pow(bits).subtract(BigInteger.ONE) : BigInteger.ZERO;
        List<Type> data = List.of(
                new Uint8(unsignedEdge.apply(8)),
                new Uint24(unsignedEdge.apply(24)),
                new Uint32(unsignedEdge.apply(32)),
                new Uint56(unsignedEdge.apply(56)),
                new Uint64(unsignedEdge.apply(64)),
                new Uint256(unsignedEdge.apply(256)),
                new Int8(signedEdge.apply(8)),
                new Int32(signedEdge.apply(32)),
                new Int40(signedEdge.apply(40)),
                new Int64(signedEdge.apply(64)),
                new Int72(signedEdge.apply(72)),
                new Int256(signedEdge.apply(256)),
                new Bool(max),
                new org.web3j.abi.datatypes.Address(WHO.toHex()),
                new Bytes1(new byte[] {(byte) 0xff}),
                new Bytes32(Bytes.fromHex("11".repeat(32)).toByteArray()),
                new Bytes24(Bytes.fromHex("cd".repeat(24)).toByteArray()));
        Hash topic0 = Hash.keccak256("Widths(int8,function,uint8,uint24,uint32,uint56,uint64,uint256,int8,int32,int40,"
                + "int64,int72,int256,bool,address,bytes1,bytes32,function)");
        return log(
                List.of(
                        topic0,
                        topic(new Int8(-128)),
                        topic(new Bytes24(Bytes.fromHex("ab".repeat(24)).toByteArray()))),
                data);
    }
}
