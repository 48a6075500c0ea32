package io.chainwire.rpc.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Validates and decodes ASCII hex digits straight from UTF-8 bytes, eight digits at a time: each
 * eight bytes are read as one little-endian {@code long}, checked with per-byte range tests that
 * cannot carry from one byte into the next (SWAR), and packed into four output bytes. A scalar loop
 * takes the tail and pins down the first byte that is not a digit.
 */
final class AsciiHex {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
  // The value of each byte as a hex digit, -1 for any other byte.
  private static final byte[] DIGITS = new byte[256];

  static {
    Arrays.fill(DIGITS, (byte) -1);
    for (int i = 0; i < 10; i++) {
      DIGITS['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      DIGITS['a' + i] = (byte) (10 + i);
      DIGITS['A' + i] = (byte) (10 + i);
    }
  }

  private AsciiHex() {}

  /** Returns the value of {@code b} as a hex digit in either case, or -1. */
  static int digit(byte b) {
    return DIGITS[b & 0xff];
  }

  /**
   * Decodes the digits in {@code src[from..to)}, a pair per output byte, into {@code dst} from
   * {@code dstOffset}, stopping at the first byte that is not a hex digit. The output holds every
   * whole pair before the stop; a last digit without a pair is checked but not decoded.
   *
   * @return the index of the first byte that is not a hex digit, or {@code to} if all are
   */
  static int decode(byte[] src, int from, int to, byte[] dst, int dstOffset) {
    int at = from;
    int out = dstOffset;
    while (to - at >= 8) {
      long chunk = (long) LONGS.get(src, at);
      if (!allDigits(chunk)) {
        break;
      }
      INTS.set(dst, out, pack(chunk));
      at += 8;
      out += 4;
    }
    for (; to - at >= 2; at += 2) {
      int high = DIGITS[src[at] & 0xff];
      if (high < 0) {
        return at;
      }
      int low = DIGITS[src[at + 1] & 0xff];
      if (low < 0) {
        return at + 1;
      }
      dst[out++] = (byte) ((high << 4) | low);
    }
    return at < to && DIGITS[src[at] & 0xff] < 0 ? at : to;
  }

  /** Returns true if each of the eight bytes is an ASCII hex digit. */
  private static boolean allDigits(long chunk) {
    if ((chunk & HIGH_BITS) != 0) {
      return false;
    }
    // With every byte below 0x80, adding 0x80 - n sets a byte's high bit exactly when it is >= n,
    // and no sum carries into the next byte.
    long digits = (chunk + ONES * (0x80 - '0')) & ~(chunk + ONES * (0x80 - '9' - 1));
    long lower = chunk | ONES * 0x20;
    long letters = (lower + ONES * (0x80 - 'a')) & ~(lower + ONES * (0x80 - 'f' - 1));
    return ((digits | letters) & HIGH_BITS) == HIGH_BITS;
  }

  /** Packs eight digits (the first in the lowest byte) into four bytes, the first in the lowest byte. */
  private static int pack(long chunk) {
    // Letters have bit 6 set: their low nibble is the value minus 9.
    long nibbles = (chunk & ONES * 0x0f) + 9 * ((chunk >>> 6) & ONES);
    long pairs = ((nibbles & 0x00ff_00ff_00ff_00ffL) << 4) | ((nibbles >>> 8) & 0x00ff_00ff_00ff_00ffL);
    long halves = (pairs | (pairs >>> 8)) & 0x0000_ffff_0000_ffffL;
    return (int) (halves | (halves >>> 16));
  }
}
