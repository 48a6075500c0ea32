package io.chainwire.samples.hello;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import java.io.PrintStream;
import java.util.List;

/**
 * Shows typed events from a local node: starts anvil, deploys {@code Hello}, sends a few messages
 * from two accounts, reads the logs back, and routes them through the generated {@code
 * HelloHandlerDispatcher} to a {@link MessagePrinter}; then stops anvil.
 *
 * <p>From the project root: {@code mvn -B -q -pl samples/hello -am package -DskipTests -Dhello.run}.
 */
public final class HelloDemo {
  private HelloDemo() {}

  /** Runs the demo, printing to standard output; takes no arguments. */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    try (Anvil anvil = Anvil.start()) {
      out.println("Started anvil at " + anvil.httpUrl());
      Contracts contracts = new Contracts(anvil);
      Address alice = anvil.accounts().get(0);
      Address bob = anvil.accounts().get(1);
      Address hello = contracts.deploy(alice, HelloBytecode.creationCode(), Bytes.EMPTY);
      out.println("Deployed Hello at " + hello);

      send(contracts, hello, alice, "Hello, chain!");
      send(contracts, hello, bob, "Grüße from Bob ✓");
      send(contracts, hello, alice, "Typed events, no reflection.");

      List<RawLog> logs = contracts.getLogs(hello, 0, anvil.blockNumber());
      out.println("Routing " + logs.size() + " logs through HelloHandlerDispatcher:");
      EventDispatcher dispatcher = new HelloHandlerDispatcher(new MessagePrinter(out));
      for (RawLog log : logs) {
        dispatcher.dispatch(log, EventContext.of(log.meta()));
      }
    }
    out.println("Stopped anvil.");
  }

  private static void send(Contracts contracts, Address hello, Address from, String message) {
    contracts.send(from, hello, Calldata.function("send(string)").string(message).encode());
  }
}
