package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AsciiHexTest {
    private static final byte[] DIGITS = "0123456789abcdefABCDEF".getBytes(StandardCharsets.US_ASCII);
    // Bytes before and after the digits, so that reads start unaligned and must not stray past the end.
    private static final int BEFORE = 3;
    private static final int AFTER = 9;

    /** The obvious decoder, one byte at a time, to check the eight-at-a-time one against. */
    private static int referenceDecode(byte[] src, int from, int to, byte[] dst) {
        int out = 0;
        for (int at = from; at < to; at++) {
            int digit = referenceDigit(src[at]);
            if (digit < 0) {
                return at;
            }
            if ((at - from) % 2 == 1) {
                dst[out++] = (byte) ((referenceDigit(src[at - 1]) << 4) | digit);
            }
        }
        return to;
    }

    private static int referenceDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }

    /** Digits of mixed case, different for each length, between filler bytes. */
    private static byte[] digits(int length) {
        byte[] src = new byte[BEFORE + length + AFTER];
        Arrays.fill(src, (byte) 'g');
        for (int i = 0; i < length; i++) {
            src[BEFORE + i] = DIGITS[(i * 7 + length) % DIGITS.length];
        }
        return src;
    }

    private static void assertDecodesAsReference(byte[] src, int length, String what) {
        byte[] expected = new byte[length / 2 + 4];
        byte[] actual = new byte[length / 2 + 4];
        Arrays.fill(expected, (byte) 0x5a);
        Arrays.fill(actual, (byte) 0x5a);

        int expectedStop = referenceDecode(src, BEFORE, BEFORE + length, expected);
        int actualStop = AsciiHex.decode(src, BEFORE, BEFORE + length, actual, 0);

        assertEquals(expectedStop, actualStop, what);
        // The whole pairs before a stop are decoded; what follows them is undefined.
        int decoded = expectedStop == BEFORE + length ? expected.length : (expectedStop - BEFORE) / 2;
        assertArrayEquals(Arrays.copyOf(expected, decoded), Arrays.copyOf(actual, decoded), what);
    }

    @Test
    void decodesValidDigitsOfEveryLengthAsTheReferenceDoes() {
        for (int length = 0; length <= 40; length++) {
            assertDecodesAsReference(digits(length), length, "length " + length);
        }
    }

    @Test
    void agreesWithTheReferenceForEveryByteInEveryPositionOfEveryLength() {
        for (int length = 1; length <= 40; length++) {
            for (int position = 0; position < length; position++) {
                for (int value = 0; value < 256; value++) {
                    byte[] src = digits(length);
                    src[BEFORE + position] = (byte) value;
                    assertDecodesAsReference(
                            src,
                            length,
                            "length " + length + ", byte 0x" + Integer.toHexString(value) + " at " + position);
                }
            }
        }
    }

    @Test
    void decodesEveryByteValueFromLowerAndUpperCaseInEveryLanePosition() {
        for (int value = 0; value < 256; value++) {
            for (String format : new String[] {"%02x", "%02X"}) {
                for (int lane = 0; lane < 8; lane++) {
                    // Eight bytes of zeros with the value at one place: 16 digits, two whole eight-digit chunks.
                    byte[] expected = new byte[8];
                    expected[lane] = (byte) value;
                    StringBuilder hex = new StringBuilder();
                    for (byte b : expected) {
                        hex.append(String.format(format, b & 0xff));
                    }
                    byte[] src = hex.toString().getBytes(StandardCharsets.US_ASCII);
                    byte[] actual = new byte[8];

                    assertEquals(16, AsciiHex.decode(src, 0, 16, actual, 0), hex.toString());
                    assertArrayEquals(expected, actual, hex.toString());
                }
            }
        }
    }

    @Test
    void stopsAtTheFirstNonDigitAndKeepsTheWholePairsBeforeIt() {
        byte[] src = "0123456789abcdef\"0".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[9];

        assertEquals(16, AsciiHex.decode(src, 0, 18, out, 0));
        assertArrayEquals(
                new byte[] {0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xab, (byte) 0xcd, (byte) 0xef},
                Arrays.copyOf(out, 8));
        assertEquals(-1, AsciiHex.digit((byte) 'G'));
        assertEquals(15, AsciiHex.digit((byte) 'F'));
    }
}
