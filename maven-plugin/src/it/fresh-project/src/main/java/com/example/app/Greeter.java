package com.example.app;

import com.example.hello.Hello;
import io.chainwire.abi.RawLog;

/** Uses the generated class the way application code would. */
public final class Greeter {
  private Greeter() {}

  /** Returns the message of a MessageSent log, or null for other events. */
  public static String message(RawLog log) {
    Hello.Event event = Hello.decode(log);
    return event instanceof Hello.MessageSent sent ? sent.from() + ": " + sent.message() : null;
  }
}
