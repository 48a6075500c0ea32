package io.chainwire.abi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import org.junit.jupiter.api.Test;

class ValueAccessTest {
    private final ValueAccess values = ValueAccess.get();

    @Test
    void wrapsArraysIntoEqualValues() {
        byte[] hash = new byte[32];
        hash[31] = 7;
        byte[] address = new byte[20];
        address[0] = 1;

        assertEquals(Hash.of(hash), values.hash(hash));
        assertEquals(Address.of(address), values.address(address));
        assertEquals(Bytes.of((byte) 1, (byte) 2), values.bytes(new byte[] {1, 2}));
        assertSame(Bytes.EMPTY, values.bytes(new byte[0]));
    }

    @Test
    void readsTheArraysValuesOwn() {
        byte[] hash = new byte[32];
        byte[] bytes = {1, 2, 3};

        assertSame(hash, values.array(values.hash(hash)));
        assertSame(bytes, values.array(values.bytes(bytes)));
        assertArrayEquals(new byte[] {4, 5}, values.array(Bytes.of((byte) 4, (byte) 5)));
    }

    @Test
    void checksLengths() {
        assertThrows(IllegalArgumentException.class, () -> values.hash(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> values.address(new byte[32]));
    }

    @Test
    void cannotBeReplaced() {
        assertThrows(IllegalStateException.class, () -> ValueAccess.install(values));
    }

    @Test
    void hexAcceptsOnlyAsciiDigits() {
        assertEquals(10, Hex.digitValue('a'));
        assertEquals(15, Hex.digitValue('F'));
        assertEquals(-1, Hex.digitValue('\u0663'));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x\u0663\u0663"));
    }
}
