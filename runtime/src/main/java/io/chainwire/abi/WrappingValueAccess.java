package io.chainwire.abi;

import io.chainwire.abi.internal.ValueAccess;

/** Wraps arrays in value objects without copying them; installed by {@link Bytes}. */
final class WrappingValueAccess extends ValueAccess {
  @Override
  public Hash hash(byte[] bytes) {
    return new Hash(ByteValue.requireSize(bytes, Hash.SIZE, "a hash", null));
  }

  @Override
  public Address address(byte[] bytes) {
    return new Address(ByteValue.requireSize(bytes, Address.SIZE, "an address", null));
  }

  @Override
  public Bytes bytes(byte[] bytes) {
    return bytes.length == 0 ? Bytes.EMPTY : new Bytes(bytes);
  }
}
