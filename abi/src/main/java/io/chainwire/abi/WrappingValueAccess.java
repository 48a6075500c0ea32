package io.chainwire.abi;

import io.chainwire.abi.internal.ValueAccess;

/** Wraps arrays in value objects and reads them back without copying; installed by {@link Bytes}. */
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

    @Override
    public byte[] array(Hash hash) {
        return hash.bytes;
    }

    @Override
    public byte[] array(Bytes bytes) {
        return bytes.bytes;
    }
}
