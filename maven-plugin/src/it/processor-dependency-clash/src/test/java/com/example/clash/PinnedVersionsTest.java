package com.example.clash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.clash.contract.Hello;
import com.fasterxml.jackson.core.json.PackageVersion;
import com.palantir.javapoet.JavaFile;
import io.chainwire.abi.Hash;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PinnedVersionsTest {
  @Test
  void theProcessorGeneratedTheContractClassAndTheDispatcher() {
    HelloHandlerDispatcher dispatcher = new HelloHandlerDispatcher((event, context) -> {});
    assertEquals(Set.of(Hello.MessageSent.TOPIC0), dispatcher.topics());
    assertEquals(Hash.keccak256("MessageSent(address,string)"), Hello.MessageSent.TOPIC0);
  }

  @Test
  void theProjectsOwnCodeRunsOnTheVersionsItPinned() throws Exception {
    assertEquals(System.getProperty("pinned.jackson"), PackageVersion.VERSION.toString());
    String javaPoetJar = JavaFile.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertTrue(javaPoetJar.endsWith("/javapoet-" + System.getProperty("pinned.javapoet") + ".jar"), javaPoetJar);
    assertTrue(OwnLibraries.emptyClass("p", "Empty").contains("class Empty"));
    assertEquals("abi", OwnLibraries.firstField("{\"abi\": []}"));
  }
}
