package io.chainwire.abi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {
  private static byte[] fromArray(String text) {
    char[] chars = ("[" + text + "]").toCharArray();
    return Hex.decode(chars, 1, text.length());
  }

  @Test
  void theArrayDecoderReadsEitherCaseWithOrWithoutPrefix() {
    byte[] expected = {0x01, (byte) 0xab, (byte) 0xcd, (byte) 0xef};
    assertArrayEquals(expected, fromArray("0x01abcdef"));
    assertArrayEquals(expected, fromArray("01ABCDEF"));
    assertArrayEquals(expected, fromArray("0X01aBcDeF"));
    assertArrayEquals(new byte[0], fromArray("0x"));
  }

  @Test
  void theArrayDecoderReportsWhatTheSequenceDecoderReports() {
    for (String bad : new String[] {"0x0g", "0xg0", "0x12z4", "0x1\u0661", "0x\u0131f", "0x123"}) {
      IllegalArgumentException fromSequence = assertThrows(IllegalArgumentException.class, () -> Hex.decode(bad));
      IllegalArgumentException fromArray = assertThrows(IllegalArgumentException.class, () -> fromArray(bad));
      assertEquals(fromSequence.getMessage(), fromArray.getMessage(), bad);
    }
  }

  @Test
  void aBadCharacterIsNamedWithItsIndex() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromArray("0x12z4"));
    assertEquals("invalid hex character 'z' at index 4 in \"0x12z4\"", e.getMessage());
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
