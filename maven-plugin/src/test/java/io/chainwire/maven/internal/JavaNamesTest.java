package io.chainwire.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaNamesTest {
  @Test
  void capitalisesContractNames() {
    assertEquals(Optional.of("Hello"), JavaNames.typeName("hello"));
    assertEquals(Optional.of("ERC20"), JavaNames.typeName("ERC20"));
    assertEquals(Optional.of("Erc_20"), JavaNames.typeName("erc_20"));
  }

  @Test
  void dropsCharactersJavaDoesNotAllowAndCapitalisesWhatFollows() {
    assertEquals(Optional.of("MyToken"), JavaNames.typeName("my-token"));
    assertEquals(Optional.of("UniswapV3Pool"), JavaNames.typeName("uniswap v3.pool"));
    assertEquals(Optional.of("AB"), JavaNames.typeName("a$b"));
  }

  @Test
  void prefixesALeadingDigit() {
    assertEquals(Optional.of("_1inch"), JavaNames.typeName("1inch"));
  }

  @Test
  void givesNoTypeNameWhenNothingUsableIsLeft() {
    assertEquals(Optional.empty(), JavaNames.typeName("---"));
    assertEquals(Optional.empty(), JavaNames.typeName(""));
    assertEquals(Optional.empty(), JavaNames.typeName("_"));
  }

  @Test
  void lowerCasesAndReplacesInPackageSegments() {
    assertEquals("tokens", JavaNames.packageSegment("Tokens"));
    assertEquals("erc_721", JavaNames.packageSegment("ERC-721"));
    assertEquals("counter_sol", JavaNames.packageSegment("Counter.sol"));
  }

  @Test
  void escapesLeadingDigitsAndKeywordsInPackageSegments() {
    assertEquals("_2024", JavaNames.packageSegment("2024"));
    assertEquals("class_", JavaNames.packageSegment("class"));
    assertEquals("__", JavaNames.packageSegment("_"));
  }

  @Test
  void acceptsOnlyDotSeparatedNonKeywordIdentifiersAsPackageNames() {
    assertTrue(JavaNames.isPackageName("com.example.contracts"));
    assertTrue(JavaNames.isPackageName("contracts"));
    assertFalse(JavaNames.isPackageName("com.example."));
    assertFalse(JavaNames.isPackageName("com.new.contracts"));
    assertFalse(JavaNames.isPackageName("com.example-contracts"));
    assertFalse(JavaNames.isPackageName("1com"));
  }
}
