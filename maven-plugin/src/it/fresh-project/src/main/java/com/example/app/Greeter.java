package com.example.app;

import com.example.hello.Hello;
import io.chainwire.abi.RawLog;

/** Uses the generated class the way application code would. */
public final class Greeter {
  private Greeter() {}

  /** Returns "sender: message" for a MessageSent log. */
  public static String greeting(RawLog log) {
    Hello.MessageSent sent = Hello.MessageSent.decode(log);
    return sent.from() + ": " + sent.message();
  }
}
