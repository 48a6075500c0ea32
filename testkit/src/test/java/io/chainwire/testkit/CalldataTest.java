package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Calldata against encodings worked out from the ABI specification. */
class CalldataTest {
    @Test
    void selectorIsTheFirstFourBytesOfTheSignatureHash() {
        assertEquals(Bytes.fromHex("a9059cbb"), Calldata.selector("transfer(address,uint256)"));
        assertEquals(Bytes.fromHex("70a08231"), Calldata.selector("balanceOf(address)"));
    }

    @Test
    void staticArgumentsAreOneWordEach() {
        Address to = Address.fromHex("0x00000000000000000000000000000000000000ff");
        Bytes data = Calldata.function("transfer(address,uint256)")
                .address(to)
                .uint(1000)
                .encode();
        assertEquals(
                "0xa9059cbb"
                        + "00000000000000000000000000000000000000000000000000000000000000ff"
                        + "00000000000000000000000000000000000000000000000000000000000003e8",
                data.toHex());
    }

    @Test
    void negativeSignedValuesAreTwosComplement() {
        Bytes data = Calldata.function("f(int256,bool,bytes4)")
                .signed(BigInteger.valueOf(-1))
                .bool(true)
                .fixedBytes(Bytes.fromHex("cafebabe"))
                .encode();
        assertEquals(
                Calldata.selector("f(int256,bool,bytes4)").toHex()
                        + "ff".repeat(32)
                        + "0".repeat(63) + "1"
                        + "cafebabe" + "0".repeat(56),
                data.toHex());
    }

    @Test
    void dynamicArgumentsGoToTheTailBehindOffsets() {
        Bytes data = Calldata.function("g(string,uint256,bytes)")
                .string("abc")
                .uint(7)
                .bytes(Bytes.fromHex("0102"))
                .encode();
        assertEquals(
                Calldata.selector("g(string,uint256,bytes)").toHex()
                        + word(0x60)
                        + word(7)
                        + word(0xa0)
                        + word(3) + "616263" + "0".repeat(58)
                        + word(2) + "0102" + "0".repeat(60),
                data.toHex());
    }

    @Test
    void emptyStringIsALengthWordWithoutPayload() {
        Bytes data = Calldata.function("send(string)").string("").encode();
        assertEquals(Calldata.selector("send(string)").toHex() + word(0x20) + word(0), data.toHex());
    }

    @Test
    void outOfRangeValuesAreRejected() {
        Calldata calldata = Calldata.function("f(uint256)");
        assertEquals(
                "an unsigned value cannot be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> calldata.uint(-1))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> calldata.uint(BigInteger.ONE.shiftLeft(256)));
        assertThrows(IllegalArgumentException.class, () -> calldata.signed(BigInteger.ONE.shiftLeft(255)));
        assertThrows(IllegalArgumentException.class, () -> calldata.fixedBytes(Bytes.of(new byte[33])));
        assertEquals(
                "signature must look like name(type1,type2) without spaces, got \"f(uint256 x)\"",
                assertThrows(IllegalArgumentException.class, () -> Calldata.function("f(uint256 x)"))
                        .getMessage());
    }

    private static String word(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(64 - hex.length()) + hex;
    }
}
