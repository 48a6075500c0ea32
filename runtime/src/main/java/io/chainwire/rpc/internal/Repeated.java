package io.chainwire.rpc.internal;

import java.io.IOException;

/**
 * The last value read for one fixed-size hex field of consecutive logs, with its digits as they
 * came. Nodes repeat a log's block hash, transaction hash, address and topic 0 in the logs after
 * it; a repeat is recognised by comparing digits, and is then neither decoded nor allocated again
 * (the values are immutable, so logs share them).
 *
 * @param <T> the value type
 */
final class Repeated<T> {
  private final byte[] digits;
  private T value;

  /** Creates an empty one for values of {@code size} bytes. */
  Repeated(int size) {
    this.digits = new byte[2 * size];
  }

  /** Returns the last value if the reader's current string repeats its digits (and consumes it), else null. */
  T repeatedBy(JsonReader reader) throws IOException {
    return value != null && reader.repeatsHex(digits) ? value : null;
  }

  /** Records {@code read}, just read from the reader's current string, as the last value. */
  T remember(JsonReader reader, T read) {
    value = reader.copyHexDigits(digits) ? read : null;
    return read;
  }
}
