package io.chainwire.abi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void decodesEitherCaseWithOrWithoutPrefix() {
        byte[] expected = {0x01, (byte) 0xab, (byte) 0xcd, (byte) 0xef};
        assertArrayEquals(expected, Hex.decode("0x01abcdef"));
        assertArrayEquals(expected, Hex.decode("01ABCDEF"));
        assertArrayEquals(expected, Hex.decode("0X01aBcDeF"));
        assertArrayEquals(new byte[0], Hex.decode("0x"));
    }

    @Test
    void aBadCharacterIsNamedWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x12z4"));
        assertEquals("invalid hex character 'z' at index 4 in \"0x12z4\"", e.getMessage());
        assertEquals(
                "odd number of hex digits (3) in \"0x123\"",
                assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x123"))
                        .getMessage());
    }

    @Test
    void digitValueAcceptsOnlyAsciiHexDigits() {
        assertEquals(10, Hex.digitValue('a'));
        assertEquals(15, Hex.digitValue('F'));
        assertEquals(-1, Hex.digitValue('g'));
        assertEquals(-1, Hex.digitValue('\u0661'));
        assertEquals(-1, Hex.digitValue((char) ('0' + 128)));
    }
}
