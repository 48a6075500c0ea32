package io.chainwire.testkit.internal;

/** JSON-RPC hex quantities ({@code "0x1a"}): strict parsing with errors that name the field. */
public final class Quantities {
  private Quantities() {}

  /**
   * Parses a quantity that fits a non-negative {@code long}.
   *
   * @param text the JSON string value, for example {@code 0x1a}
   * @param where what is being parsed, for the error message, for example {@code log[2].logIndex}
   * @throws IllegalArgumentException naming {@code where} if the text is not a hex quantity or too large
   */
  public static long parse(String text, String where) {
    if (text == null) {
      throw new IllegalArgumentException(where + ": expected a hex quantity, found null");
    }
    if (!text.startsWith("0x") || text.length() == 2) {
      throw new IllegalArgumentException(where + ": expected a hex quantity like 0x1a, found \"" + abbreviate(text) + "\"");
    }
    long value = 0;
    for (int i = 2; i < text.length(); i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        throw new IllegalArgumentException(
            where + ": invalid hex digit '" + text.charAt(i) + "' at index " + i + " in \"" + abbreviate(text) + "\"");
      }
      if (value >>> 59 != 0) {
        throw new IllegalArgumentException(where + ": quantity \"" + abbreviate(text) + "\" does not fit a signed 64-bit value");
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  /** Parses a quantity that fits a non-negative {@code int}, such as a log or transaction index. */
  public static int parseInt(String text, String where) {
    long value = parse(text, where);
    if (value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(where + ": quantity " + text + " does not fit a 32-bit index");
    }
    return (int) value;
  }

  /** Formats a non-negative value as a quantity: {@code 0x} and lowercase hex without leading zeros. */
  public static String format(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a quantity is never negative, got " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
