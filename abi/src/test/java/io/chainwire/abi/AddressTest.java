package io.chainwire.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
    /** The EIP-55 test vectors. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
                "0x52908400098527886E0F7030069857D2E4169EE7",
                "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
                "0xde709f2102306220921060314715629080e2fb77",
                "0x27b1fdb04752bbc536007a920d24acb045561c26"
            })
    void printsEip55Checksum(String checksummed) {
        Address address = Address.fromHex(checksummed.toLowerCase());
        assertEquals(checksummed, address.toString());
        assertEquals(checksummed.toLowerCase(), address.toHex());
        assertEquals(address, Address.fromHex(checksummed));
    }

    @Test
    void rejectsBadChecksum() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Address.fromHex("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        assertTrue(e.getMessage().contains("EIP-55"), e.getMessage());
        assertTrue(e.getMessage().contains("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), e.getMessage());
    }

    @Test
    void rejectsWrongLengthAndBadDigits() {
        assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0x1234"));
        assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0xzz" + "00".repeat(19)));
        assertThrows(IllegalArgumentException.class, () -> Address.of(new byte[21]));
    }

    @Test
    void copiesItsBytes() {
        byte[] raw = new byte[20];
        Address address = Address.of(raw);
        raw[0] = 1;
        assertEquals(Address.ZERO, address);
        address.toByteArray()[0] = 1;
        assertEquals(Address.ZERO, address);
    }

    @Test
    void ordersAsUnsignedNumbers() {
        Address low = Address.fromHex("0x7f" + "00".repeat(19));
        Address high = Address.fromHex("0x80" + "00".repeat(19));
        assertTrue(low.compareTo(high) < 0);
        assertNotEquals(low, high);
    }
}
