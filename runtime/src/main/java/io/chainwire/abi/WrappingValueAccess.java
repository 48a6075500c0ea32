package io.chainwire.abi;

import io.chainwire.abi.internal.ValueAccess;

/** Wraps arrays in value objects without copying them; installed by {@link Bytes}. */
final class WrappingValueAccess extends ValueAccess {
  @Override
  public Hash hash(byte[] bytes) {
    if (bytes.length != Hash.SIZE) {
      throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes);
  }

  @Override
  public Address address(byte[] bytes) {
    if (bytes.length != Address.SIZE) {
      throw new IllegalArgumentException("an address has 20 bytes, got " + bytes.length);
    }
    return new Address(bytes);
  }

  @Override
  public Bytes bytes(byte[] bytes) {
    return bytes.length == 0 ? Bytes.EMPTY : new Bytes(bytes);
  }
}
