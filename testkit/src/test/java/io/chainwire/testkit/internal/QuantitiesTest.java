package io.chainwire.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {
  @ParameterizedTest
  @CsvSource({"0x0, 0", "0x1a, 26", "0x00ff, 255", "0X1, -", "0x7fffffffffffffff, 9223372036854775807"})
  void parsesHexQuantities(String text, String expected) {
    if (expected.equals("-")) {
      assertThrows(IllegalArgumentException.class, () -> Quantities.parse(text, "field"));
    } else {
      assertEquals(Long.parseLong(expected), Quantities.parse(text, "field"));
    }
  }

  @Test
  void badQuantitiesNameTheFieldAndTheText() {
    assertEquals("log.logIndex: expected a hex quantity like 0x1a, found \"12\"",
        assertThrows(IllegalArgumentException.class, () -> Quantities.parse("12", "log.logIndex")).getMessage());
    assertEquals("log.logIndex: expected a hex quantity like 0x1a, found \"0x\"",
        assertThrows(IllegalArgumentException.class, () -> Quantities.parse("0x", "log.logIndex")).getMessage());
    assertEquals("n: invalid hex digit 'g' at index 3 in \"0x1g\"",
        assertThrows(IllegalArgumentException.class, () -> Quantities.parse("0x1g", "n")).getMessage());
    assertEquals("n: quantity \"0x8000000000000000\" does not fit a signed 64-bit value",
        assertThrows(IllegalArgumentException.class, () -> Quantities.parse("0x8000000000000000", "n")).getMessage());
    assertEquals("n: expected a hex quantity, found null",
        assertThrows(IllegalArgumentException.class, () -> Quantities.parse(null, "n")).getMessage());
    assertEquals("i: quantity 0x80000000 does not fit a 32-bit index",
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseInt("0x80000000", "i")).getMessage());
  }

  @Test
  void formatsWithoutLeadingZeros() {
    assertEquals("0x0", Quantities.format(0));
    assertEquals("0x3e8", Quantities.format(1000));
    assertThrows(IllegalArgumentException.class, () -> Quantities.format(-1));
  }
}
