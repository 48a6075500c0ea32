package io.chainwire.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractClassNamesTest {
  @Test
  void capitalisesContractNames() {
    assertEquals(Optional.of("Hello"), ContractClassNames.typeName("hello"));
    assertEquals(Optional.of("ERC20"), ContractClassNames.typeName("ERC20"));
    assertEquals(Optional.of("Erc_20"), ContractClassNames.typeName("erc_20"));
  }

  @Test
  void dropsCharactersJavaDoesNotAllowAndCapitalisesWhatFollows() {
    assertEquals(Optional.of("MyToken"), ContractClassNames.typeName("my-token"));
    assertEquals(Optional.of("UniswapV3Pool"), ContractClassNames.typeName("uniswap v3.pool"));
    assertEquals(Optional.of("AB"), ContractClassNames.typeName("a$b"));
  }

  @Test
  void prefixesALeadingDigit() {
    assertEquals(Optional.of("_1inch"), ContractClassNames.typeName("1inch"));
  }

  @Test
  void givesNoTypeNameWhenNothingUsableIsLeft() {
    assertEquals(Optional.empty(), ContractClassNames.typeName("---"));
    assertEquals(Optional.empty(), ContractClassNames.typeName(""));
    assertEquals(Optional.empty(), ContractClassNames.typeName("_"));
  }

  @Test
  void lowerCasesAndReplacesInPackageSegments() {
    assertEquals("tokens", ContractClassNames.packageSegment("Tokens"));
    assertEquals("erc_721", ContractClassNames.packageSegment("ERC-721"));
    assertEquals("counter_sol", ContractClassNames.packageSegment("Counter.sol"));
  }

  @Test
  void escapesLeadingDigitsAndKeywordsInPackageSegments() {
    assertEquals("_2024", ContractClassNames.packageSegment("2024"));
    assertEquals("class_", ContractClassNames.packageSegment("class"));
    assertEquals("__", ContractClassNames.packageSegment("_"));
  }

  @Test
  void acceptsOnlyDotSeparatedNonKeywordIdentifiersAsPackageNames() {
    assertTrue(ContractClassNames.isPackageName("com.example.contracts"));
    assertTrue(ContractClassNames.isPackageName("contracts"));
    assertFalse(ContractClassNames.isPackageName("com.example."));
    assertFalse(ContractClassNames.isPackageName("com.new.contracts"));
    assertFalse(ContractClassNames.isPackageName("com.example-contracts"));
    assertFalse(ContractClassNames.isPackageName("1com"));
  }
}
