package io.chainwire.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Int8;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** Topic encoders against web3j's word encoding, and their range checks. */
class TopicsTest {
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    @Test
    void addressIsLeftPaddedToAWord() {
        Address address = Address.fromHex("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertEquals(
                "0x" + "00".repeat(12) + "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
                Topics.address(address).toHex());
        assertEquals(web3j(new org.web3j.abi.datatypes.Address(address.toHex())), Topics.address(address));
    }

    @Test
    void boolIsZeroOrOne() {
        assertEquals(web3j(new Bool(true)), Topics.bool(true));
        assertEquals(web3j(new Bool(false)), Topics.bool(false));
    }

    @Test
    void integersAreSignExtendedTwosComplementWords() {
        assertEquals(web3j(new Uint8(255)), Topics.unsigned(255, 8));
        assertEquals(web3j(new Int8(-128)), Topics.signed(-128, 8));
        assertEquals(web3j(new Int256(-1)), Topics.signed(-1L, 256));
        assertEquals(web3j(new Int256(Long.MIN_VALUE)), Topics.signed(Long.MIN_VALUE, 64));
        assertEquals(web3j(new Uint256(Long.MAX_VALUE)), Topics.unsigned(Long.MAX_VALUE, 64));
        BigInteger max = TWO_256.subtract(BigInteger.ONE);
        assertEquals(web3j(new Uint256(max)), Topics.unsigned(max, 256));
        BigInteger min = BigInteger.ONE.shiftLeft(255).negate();
        assertEquals(web3j(new Int256(min)), Topics.signed(min, 256));
        assertEquals(web3j(new Int256(BigInteger.valueOf(-300))), Topics.signed(BigInteger.valueOf(-300), 72));
    }

    @Test
    void integersOutsideTheirTypeAreRejectedNamingTheType() {
        assertRejected(() -> Topics.unsigned(256, 8), "256 does not fit uint8");
        assertRejected(() -> Topics.unsigned(-1, 32), "-1 does not fit uint32");
        assertRejected(() -> Topics.signed(128, 8), "128 does not fit int8");
        assertRejected(() -> Topics.signed(-129, 8), "-129 does not fit int8");
        assertRejected(() -> Topics.unsigned(TWO_256, 256), TWO_256 + " does not fit uint256");
        assertRejected(() -> Topics.unsigned(BigInteger.valueOf(-1), 64), "-1 does not fit uint64");
        assertRejected(() -> Topics.signed(BigInteger.ONE.shiftLeft(71), 72), " does not fit int72");
        assertRejected(() -> Topics.unsigned(1, 7), "7 is not an ABI integer width");
        assertRejected(() -> Topics.signed(1, 264), "264 is not an ABI integer width");
    }

    @Test
    void fixedBytesAreRightPaddedAndMustHaveTheirExactLength() {
        assertEquals(web3j(new Bytes4(new byte[] {1, 2, 3, 4})), Topics.fixedBytes(Bytes.fromHex("0x01020304"), 4));
        assertRejected(() -> Topics.fixedBytes(Bytes.fromHex("0x010203"), 4), "bytes4 takes exactly 4 bytes, got 3");
        assertRejected(() -> Topics.fixedBytes(Bytes.EMPTY, 33), "bytes33 is not an ABI type");
        Bytes function = Bytes.fromHex("0x" + "11".repeat(20) + "a9059cbb");
        assertEquals(
                "0x" + "11".repeat(20) + "a9059cbb" + "00".repeat(8),
                Topics.function(function).toHex());
        assertRejected(() -> Topics.function(Bytes.fromHex("0x01")), "function takes exactly 24 bytes, got 1");
    }

    @Test
    void stringAndBytesAreHashedFromTheirRawBytes() {
        assertEquals(Hash.keccak256("héllo".getBytes(StandardCharsets.UTF_8)), Topics.string("héllo"));
        assertEquals(Indexed.ofString("héllo").hash(), Topics.string("héllo"));
        assertEquals(Hash.keccak256(new byte[] {1, 2}), Topics.bytes(Bytes.fromHex("0x0102")));
        assertEquals(
                Hash.fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
                Topics.bytes(Bytes.EMPTY));
    }

    private static Hash web3j(org.web3j.abi.datatypes.Type<?> value) {
        return Hash.fromHex(TypeEncoder.encode(value));
    }

    private static void assertRejected(Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        if (!e.getMessage().contains(message)) {
            throw new AssertionError(
                    "expected a message containing \"" + message + "\" but got \"" + e.getMessage() + "\"");
        }
    }
}
