package io.chainwire.abi;

import io.chainwire.abi.internal.Hex;
import io.chainwire.abi.internal.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A 32-byte value: a block, transaction or topic hash, or any 32-byte log topic. */
public final class Hash implements Comparable<Hash> {
  /** Number of bytes in a hash. */
  public static final int SIZE = 32;

  final byte[] bytes;

  Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Parses {@code 0x} followed by 64 hex digits.
   *
   * @throws IllegalArgumentException if the text is not 32 bytes of hex
   */
  public static Hash fromHex(String hex) {
    byte[] bytes = Hex.decode(hex);
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "a hash has 32 bytes (64 hex digits), got " + bytes.length + " in \"" + hex + "\"");
    }
    return new Hash(bytes);
  }

  /** Returns the hash holding a copy of {@code bytes}, which must be 32 bytes long. */
  public static Hash of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /** Returns the Keccak-256 hash of {@code data}. */
  public static Hash keccak256(byte[] data) {
    return new Hash(Keccak256.digest(data));
  }

  /** Returns the Keccak-256 hash of the UTF-8 bytes of {@code text}, as for an event signature. */
  public static Hash keccak256(String text) {
    return new Hash(Keccak256.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns a copy of the 32 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Returns {@code 0x} followed by 64 lowercase hex digits. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Orders hashes as unsigned 256-bit numbers. */
  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }
}
