package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import org.junit.jupiter.api.Test;

/** A user's test class whose tests take the node as a parameter. */
@AnvilTest
class AnvilParameterTest {
  static long nodePid;

  @Test
  void runsOnTheJUnitTheProjectChose() {
    assertEquals(System.getProperty("expected.junit.version"), Test.class.getPackage().getImplementationVersion());
  }

  @Test
  void getsARunningNode(Anvil anvil) {
    nodePid = anvil.pid();
    anvil.mine(3);
    assertEquals(3, anvil.blockNumber());
  }
}
