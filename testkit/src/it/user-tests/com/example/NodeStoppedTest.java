package com.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs after AnvilParameterTest (Surefire runs classes in alphabetical order here). */
class NodeStoppedTest {
  @Test
  void theNodeStopsWithTheClassThatUsedIt() {
    long pid = AnvilParameterTest.nodePid;
    assertTrue(pid > 0, "AnvilParameterTest ran first and got a node");
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "anvil " + pid + " still runs");
  }
}
