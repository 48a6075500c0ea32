package io.chainwire.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Crafted malformed encodings: each must end in an AbiDecodingException that says what and where. */
class AbiDecoderHostileDataTest {
    private static final String EVENT = "Crafted(bytes)";
    private static final Hash TOPIC0 = Hash.keccak256(EVENT);

    @Test
    void rejectsLengthWordsThatDoNotFitAnInt() {
        AbiDecoder data = data(word(0x20), "ff".repeat(32));
        int start = data.readOffset(0, 0, 32, "payload");
        assertFails(
                () -> data.readBytes(start, "payload"), "payload", "does not fit a 31-bit integer", "data offset 0x20");
    }

    @Test
    void rejectsLengthsLongerThanTheRemainingBytes() {
        AbiDecoder data = data(word(0x20), word(33), "61".repeat(32));
        int start = data.readOffset(0, 0, 32, "payload");
        assertFails(
                () -> data.readString(start, "payload"),
                "payload",
                "exceeds the 32 remaining bytes",
                "data offset 0x20");
    }

    @Test
    void rejectsArrayLengthsBeforeAllocating() {
        AbiDecoder data = data(word(0x20), word(Integer.MAX_VALUE), word(1));
        int start = data.readOffset(0, 0, 32, "values");
        assertFails(() -> data.readLength(start, 32, "values"), "values", "exceeds the 1 elements", "data offset 0x20");
    }

    @Test
    void rejectsOffsetsPointingBackIntoTheHead() {
        AbiDecoder data = data(word(0x20), word(0x20), word(0));
        assertFails(
                () -> data.readOffset(0, 0, 64, "payload"), "payload", "points back into the head", "data offset 0x0");
    }

    @Test
    void rejectsOffsetsPointingPastTheEnd() {
        AbiDecoder data = data(word(0x40), word(0));
        assertFails(() -> data.readOffset(0, 0, 32, "payload"), "payload", "points past the end", "data offset 0x0");
    }

    @Test
    void rejectsTruncatedWords() {
        AbiDecoder data = data("00".repeat(31));
        assertFails(
                () -> data.readBigInteger(0, 256, false, "value"),
                "value",
                "needs 32 bytes but the data has 31",
                "data offset 0x0");
    }

    @Test
    void rejectsDirtyHighOrderBytesOfNarrowIntegers() {
        assertFails(
                () -> data(word(256)).readInt(0, 8, false, "small"), "small", "does not fit uint8", "data offset 0x0");
        assertFails(
                () -> data(word(128)).readInt(0, 8, true, "signed"), "signed", "does not fit int8", "data offset 0x0");
        assertFails(
                () -> data("01" + "00".repeat(31)).readLong(0, 64, true, "wide"),
                "wide",
                "does not fit int64",
                "data offset 0x0");
        assertFails(
                () -> data("00" + "ff".repeat(31)).readBigInteger(0, 248, true, "big"),
                "big",
                "does not fit int248",
                "data offset 0x0");
        assertFails(
                () -> data("01" + "00".repeat(31)).readBigInteger(0, 248, false, "big"),
                "big",
                "does not fit uint248",
                "data offset 0x0");
    }

    @Test
    void acceptsTheExtremesOfEachWidth() {
        assertEquals(-128, data("ff".repeat(31) + "80").readInt(0, 8, true, "x"));
        assertEquals(255, data(word(255)).readInt(0, 8, false, "x"));
        assertEquals(0xffffffffL, data(word(0xffffffffL)).readLong(0, 32, false, "x"));
        assertEquals(
                Long.MIN_VALUE, data("ff".repeat(24) + "80" + "00".repeat(7)).readLong(0, 64, true, "x"));
        assertEquals(
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE),
                data("ff".repeat(32)).readBigInteger(0, 256, false, "x"));
        assertEquals(
                BigInteger.TWO.pow(255).negate(), data("80" + "00".repeat(31)).readBigInteger(0, 256, true, "x"));
    }

    @Test
    void readsWideIntegersOnBothSidesOfTheLongRange() {
        BigInteger two63 = BigInteger.TWO.pow(63);
        for (BigInteger value : List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                two63.subtract(BigInteger.ONE),
                two63,
                BigInteger.TWO.pow(64).subtract(BigInteger.ONE),
                BigInteger.TWO.pow(64))) {
            assertEquals(
                    value, data(String.format("%064x", value)).readBigInteger(0, 256, false, "x"), value::toString);
            assertEquals(value, data(String.format("%064x", value)).readBigInteger(0, 128, true, "x"), value::toString);
        }
        for (BigInteger value : List.of(
                BigInteger.ONE.negate(),
                two63.negate(),
                two63.negate().subtract(BigInteger.ONE),
                BigInteger.TWO.pow(64).negate())) {
            String twosComplement =
                    String.format("%064x", BigInteger.TWO.pow(256).add(value));
            assertEquals(value, data(twosComplement).readBigInteger(0, 256, true, "x"), value::toString);
            assertEquals(
                    BigInteger.TWO.pow(256).add(value), data(twosComplement).readBigInteger(0, 256, false, "x"));
        }
        assertEquals(
                BigInteger.TWO.pow(64).subtract(BigInteger.ONE),
                data("00".repeat(24) + "ff".repeat(8)).readBigInteger(0, 64, false, "x"));
        assertFails(
                () -> data("ff".repeat(24) + "80" + "00".repeat(7)).readBigInteger(0, 64, false, "x"),
                "x",
                "does not fit uint64",
                "data offset 0x0");
    }

    @Test
    void rejectsBoolsOtherThanZeroOrOne() {
        assertFails(() -> data(word(2)).readBool(0, "flag"), "flag", "neither 0 nor 1", "data offset 0x0");
        assertFails(
                () -> data("01" + "00".repeat(30) + "01").readBool(0, "flag"),
                "flag",
                "neither 0 nor 1",
                "data offset 0x0");
    }

    @Test
    void rejectsDirtyPaddingOfAddressesAndFixedBytes() {
        assertFails(
                () -> data("01" + "00".repeat(31)).readAddress(0, "owner"),
                "owner",
                "non-zero high-order bytes",
                "data offset 0x0");
        assertFails(
                () -> data("deadbeef" + "00".repeat(27) + "01").readFixedBytes(0, 4, "selector"),
                "selector",
                "bytes4 has non-zero padding",
                "data offset 0x0");
    }

    @Test
    void rejectsDirtyPaddingAfterDynamicBytes() {
        AbiDecoder data = data(word(0x20), word(1), "61" + "00".repeat(30) + "01");
        int start = data.readOffset(0, 0, 32, "text");
        assertFails(() -> data.readString(start, "text"), "text", "non-zero padding after 1 bytes", "data offset 0x20");
    }

    @Test
    void capsTheWorkOfOffsetsThatShareOneTail() {
        // A bytes[] of 64 elements whose offsets all point at the same 1 KiB element: 64 KiB of
        // values from 3 KiB of data unless the decoder notices.
        int count = 64;
        List<String> words = new ArrayList<>();
        words.add(word(0x20));
        words.add(word(count));
        for (int i = 0; i < count; i++) {
            words.add(word(32L * count));
        }
        words.add(word(1024));
        words.add("61".repeat(1024));
        AbiDecoder data = data(words.toArray(String[]::new));
        int start = data.readOffset(0, 0, 32, "blobs");
        int length = data.readLength(start, 32, "blobs");
        AbiDecodingException e = assertThrows(AbiDecodingException.class, () -> {
            for (int i = 0; i < length; i++) {
                data.readBytes(data.readOffset(start + 32, start + 32 + 32 * i, 32 * length, "blobs[]"), "blobs[]");
            }
        });
        assertTrue(e.getMessage().contains("offsets make values overlap"), e.getMessage());
    }

    @Test
    void namesTheTopicWhenATopicIsMalformed() {
        RawLog log = log(List.of(TOPIC0, Hash.fromHex("0x01" + "00".repeat(31))), "");
        AbiDecoder topic = AbiDecoder.topic(log, 1, EVENT);
        assertFails(() -> topic.readAddress(0, "from"), "from", "non-zero high-order bytes", "topic 1");
        assertFails(() -> AbiDecoder.topic(log, 2, EVENT), null, "needs topic 2 but the log has 2 topics", "");
    }

    @Test
    void checksTopicCountAndTopicZero() {
        RawLog log = log(List.of(TOPIC0), "");
        assertFails(
                () -> AbiDecoder.checkTopics(log, TOPIC0, 2, EVENT), null, "expects 2 topics but the log has 1", "");
        Hash other = Hash.keccak256("Other()");
        assertFails(() -> AbiDecoder.checkTopics(log, other, 1, EVENT), null, "expects topic 0 " + other, "");
        assertEquals(false, AbiDecoder.matches(log, other, 1));
        assertEquals(true, AbiDecoder.matches(log, TOPIC0, 1));
    }

    @Test
    void listsAreUnmodifiableViews() {
        List<String> list = AbiDecoder.list(new Object[] {"a", "b"});
        assertEquals(List.of("a", "b"), list);
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, "c"));
    }

    private static void assertFails(Executable decode, String field, String reason, String where) {
        AbiDecodingException e = assertThrows(AbiDecodingException.class, decode);
        assertEquals(EVENT, e.event());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(EVENT), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains(where), e.getMessage());
    }

    private static AbiDecoder data(String... hexWords) {
        return AbiDecoder.data(log(List.of(TOPIC0), String.join("", hexWords)), EVENT);
    }

    private static RawLog log(List<Hash> topics, String dataHex) {
        Hash block = Hash.keccak256("block");
        LogMeta meta = new LogMeta(Address.ZERO, 1, block, Hash.keccak256("tx"), 0, 0);
        return new RawLog(topics, Bytes.fromHex(dataHex), meta);
    }

    private static String word(long value) {
        return String.format("%064x", value);
    }
}
