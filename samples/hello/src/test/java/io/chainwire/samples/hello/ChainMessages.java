package io.chainwire.samples.hello;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.RawLog;
import io.chainwire.samples.hello.contract.Hello;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A Hello contract on a test node: sends numbered messages and reads back what the chain holds. */
final class ChainMessages {
  private final Anvil anvil;
  private final Contracts contracts;
  private final Address hello;
  private final AtomicInteger sent = new AtomicInteger();

  /** Deploys Hello on {@code anvil}. */
  ChainMessages(Anvil anvil) {
    this.anvil = anvil;
    this.contracts = new Contracts(anvil);
    this.hello = contracts.deploy(anvil.accounts().get(0), HelloBytecode.creationCode(), Bytes.EMPTY);
  }

  Address hello() {
    return hello;
  }

  /** Sends {@code count} messages, one block each, alternately from the first two accounts. */
  void send(int count) {
    for (int i = 0; i < count; i++) {
      int number = sent.incrementAndGet();
      Address sender = anvil.accounts().get(number % 2);
      contracts.send(sender, hello, Calldata.function("send(string)").string("message #" + number + " ✓").encode());
    }
  }

  /** Returns how many messages {@link #send} sent. */
  int sent() {
    return sent.get();
  }

  /** Returns the rows the messages table must hold: every message on the chain, in chain order. */
  List<MessageTable.Row> expectedRows() {
    List<RawLog> logs = contracts.getLogs(hello, 0, anvil.blockNumber());
    return logs.stream().map(log -> MessageTable.Row.of(Hello.MessageSent.decode(log))).toList();
  }
}
