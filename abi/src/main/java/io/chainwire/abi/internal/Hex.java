package io.chainwire.abi.internal;

import java.util.Arrays;

/** Hexadecimal encoding and decoding of byte arrays, with or without a {@code 0x} prefix. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    // The value of each ASCII character as a hex digit, -1 for non-digits.
    private static final byte[] DIGIT_VALUES = new byte[128];

    static {
        Arrays.fill(DIGIT_VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            DIGIT_VALUES[DIGITS[i]] = (byte) i;
            DIGIT_VALUES[Character.toUpperCase(DIGITS[i])] = (byte) i;
        }
    }

    private Hex() {}

    /** Returns {@code 0x} followed by two lowercase digits per byte. */
    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** Returns {@code 0x} followed by two lowercase digits per byte of the given range. */
    public static String encode(byte[] bytes, int offset, int length) {
        char[] out = new char[2 + 2 * length];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 + 2 * i] = DIGITS[b >>> 4];
            out[3 + 2 * i] = DIGITS[b & 0x0f];
        }
        return new String(out);
    }

    /**
     * Decodes hex digits, with or without a {@code 0x} prefix, in either case.
     *
     * @throws IllegalArgumentException naming the first bad character, or an odd digit count
     */
    public static byte[] decode(CharSequence hex) {
        int start = hex.length() >= 2 && hex.charAt(0) == '0' && (hex.charAt(1) == 'x' || hex.charAt(1) == 'X') ? 2 : 0;
        int digits = hex.length() - start;
        if (digits % 2 != 0) {
            throw oddDigits(hex, digits);
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex, start + 2 * i);
            int lo = digit(hex, start + 2 * i + 1);
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /**
     * Returns the value of an ASCII hex digit in either case, or -1 for any other character (digits of other scripts
     * included, which {@link Character#digit(char, int)} would accept).
     */
    public static int digitValue(char c) {
        return c < DIGIT_VALUES.length ? DIGIT_VALUES[c] : -1;
    }

    private static int digit(CharSequence hex, int index) {
        int value = digitValue(hex.charAt(index));
        if (value < 0) {
            throw invalidCharacter(hex, index);
        }
        return value;
    }

    private static IllegalArgumentException invalidCharacter(CharSequence hex, int index) {
        return new IllegalArgumentException("invalid hex character '" + hex.charAt(index) + "' at index " + index
                + " in \"" + abbreviate(hex) + "\"");
    }

    private static IllegalArgumentException oddDigits(CharSequence hex, int digits) {
        return new IllegalArgumentException("odd number of hex digits (" + digits + ") in \"" + abbreviate(hex) + "\"");
    }

    private static String abbreviate(CharSequence text) {
        return text.length() <= 80 ? text.toString() : text.subSequence(0, 77) + "...";
    }
}
