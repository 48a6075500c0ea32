package io.chainwire.abi;

import io.chainwire.abi.internal.Hex;
import io.chainwire.abi.internal.ValueAccess;
import java.util.Arrays;

/** An immutable byte string: the Java value of ABI {@code bytes}, {@code bytes1..bytes32} and {@code function}. */
public final class Bytes {
  /** The empty byte string. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  static {
    ValueAccess.install(new WrappingValueAccess());
  }

  final byte[] bytes;

  Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Returns a byte string holding a copy of {@code bytes}. */
  public static Bytes of(byte... bytes) {
    return new Bytes(bytes.clone());
  }

  /**
   * Parses hex digits, with or without {@code 0x}.
   *
   * @throws IllegalArgumentException if the text is not hex
   */
  public static Bytes fromHex(String hex) {
    return new Bytes(Hex.decode(hex));
  }

  /** Returns the number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** Returns the byte at {@code index}. */
  public byte get(int index) {
    return bytes[index];
  }

  /** Returns a copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Returns {@code 0x} followed by two lowercase hex digits per byte. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
