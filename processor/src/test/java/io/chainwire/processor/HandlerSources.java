package io.chainwire.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Test sources: handler interfaces in package {@code test}, and stand-ins for contract classes. */
final class HandlerSources {
  /** A contract with events MessageSent(address indexed,string), Ping(uint256), anonymous Whisper(uint256). */
  static final JavaFileObject HELLO = JavaFileObjects.forResource("fixtures/test/Hello.java");

  /** A second contract: ERC-20 Transfer and ERC-721 TransferOfToken, which share one signature. */
  static final JavaFileObject TOKEN = JavaFileObjects.forResource("fixtures/test/Token.java");

  private HandlerSources() {}

  /** Returns {@code test.<simpleName>} with the usual imports, then {@code lines}. */
  static JavaFileObject source(String simpleName, String... lines) {
    List<String> source = new ArrayList<>();
    source.add("package test;");
    source.add("");
    source.add("import io.chainwire.annotation.ContractHandler;");
    source.add("import io.chainwire.handler.EventContext;");
    source.add("");
    source.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("test." + simpleName, source);
  }
}
