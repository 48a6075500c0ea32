package io.chainwire.testkit;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import java.math.BigInteger;

/** 32-byte ABI words that tests compute by hand to compare with real logs. */
final class AbiWords {
    private AbiWords() {}

    /** Returns the address whose 160-bit value is {@code value}. */
    static Address address(long value) {
        byte[] bytes = new byte[Address.SIZE];
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[Address.SIZE - 1 - i] = (byte) (value >>> (8 * i));
        }
        return Address.of(bytes);
    }

    /** Returns an indexed address as its topic: left-padded with zeros. */
    static Hash topic(Address address) {
        byte[] topic = new byte[Hash.SIZE];
        System.arraycopy(address.toByteArray(), 0, topic, Hash.SIZE - Address.SIZE, Address.SIZE);
        return Hash.of(topic);
    }

    /** Returns a value below 2^256 as a big-endian word. */
    static Hash word(BigInteger unsigned) {
        byte[] magnitude = unsigned.toByteArray();
        int length = Math.min(magnitude.length, Hash.SIZE);
        byte[] word = new byte[Hash.SIZE];
        System.arraycopy(magnitude, magnitude.length - length, word, Hash.SIZE - length, length);
        return Hash.of(word);
    }
}
