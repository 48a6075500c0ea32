package io.chainwire.rpc.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Validates and decodes ASCII hex digits straight from UTF-8 bytes, a pair at a time: the two bytes of a pair, read as
 * one little-endian {@code short}, index a table of every byte value's two digits (in either case), which gives the
 * byte or -1. Bad digits are collected rather than branched on, so a well-formed value costs one table load per output
 * byte; only a bad one is read again, byte by byte, to find where it goes wrong.
 */
final class AsciiHex {
    private static final VarHandle SHORTS =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final String HEX_DIGITS = "0123456789abcdefABCDEF";
    // The value of each byte as a hex digit, -1 for any other byte.
    private static final byte[] DIGITS = new byte[256];
    // The byte two digits stand for, indexed by the first digit plus the second times 256; -1 if either is not a digit.
    private static final short[] PAIRS = new short[1 << 16];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        Arrays.fill(PAIRS, (short) -1);
        for (int i = 0; i < HEX_DIGITS.length(); i++) {
            char high = HEX_DIGITS.charAt(i);
            DIGITS[high] = (byte) Character.digit(high, 16);
        }
        for (int i = 0; i < HEX_DIGITS.length(); i++) {
            char high = HEX_DIGITS.charAt(i);
            for (int j = 0; j < HEX_DIGITS.length(); j++) {
                char low = HEX_DIGITS.charAt(j);
                PAIRS[high | low << 8] = (short) (DIGITS[high] << 4 | DIGITS[low]);
            }
        }
    }

    private AsciiHex() {}

    /** Returns the value of {@code b} as a hex digit in either case, or -1. */
    static int digit(byte b) {
        return DIGITS[b & 0xff];
    }

    /**
     * Decodes the digits in {@code src[from..to)}, a pair per output byte, into {@code dst} from {@code dstOffset}; a
     * last digit without a pair is checked but not decoded. If a byte is not a hex digit, the output holds every whole
     * pair before it, and what follows them is undefined.
     *
     * @return the index of the first byte that is not a hex digit, or {@code to} if all are
     */
    static int decode(byte[] src, int from, int to, byte[] dst, int dstOffset) {
        int pairsEnd = from + ((to - from) & ~1);
        int bad = 0;
        int out = dstOffset;
        for (int at = from; at < pairsEnd; at += 2) {
            int value = PAIRS[(short) SHORTS.get(src, at) & 0xffff];
            bad |= value;
            dst[out++] = (byte) value;
        }
        if (bad >= 0 && (pairsEnd == to || DIGITS[src[pairsEnd] & 0xff] >= 0)) {
            return to;
        }
        int at = from;
        while (DIGITS[src[at] & 0xff] >= 0) {
            at++;
        }
        return at;
    }
}
