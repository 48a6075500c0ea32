package com.example.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.logs.contract.Hello;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.Topics;
import io.chainwire.handler.EventContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A log that arrived as its fields (a Kafka record of raw logs, say), decoded and dispatched. */
class RawLogDecodingTest {
  private static final Address SENDER = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  private static final LogMeta META = new LogMeta(
      Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
      2,
      Hash.fromHex("0x" + "11".repeat(32)),
      Hash.fromHex("0x" + "22".repeat(32)),
      0,
      0);

  /** MessageSent(sender, message) as the EVM logs it: the sender in topic 1, the string ABI-encoded in the data. */
  private static RawLog messageSent(String message) {
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[64 + (text.length + 31) / 32 * 32];
    data[31] = 0x20;
    data[60] = (byte) (text.length >>> 24);
    data[61] = (byte) (text.length >>> 16);
    data[62] = (byte) (text.length >>> 8);
    data[63] = (byte) text.length;
    System.arraycopy(text, 0, data, 64, text.length);
    return new RawLog(List.of(Hello.MessageSent.TOPIC0, Topics.address(SENDER)), Bytes.of(data), META);
  }

  @Test
  void decodesAHandBuiltLog() {
    Hello.MessageSent event = Hello.MessageSent.decode(messageSent("Hello, chain!"));

    assertEquals(SENDER, event.from());
    assertEquals("Hello, chain!", event.message());
    assertEquals(META, event.meta());
  }

  @Test
  void theGeneratedDispatcherCallsTheHandler() {
    List<Hello.MessageSent> received = new ArrayList<>();
    HelloHandlerDispatcher dispatcher = new HelloHandlerDispatcher((event, context) -> received.add(event));
    RawLog log = messageSent("Grüße ✓");

    assertTrue(dispatcher.dispatch(log, EventContext.of(log.meta())));
    assertEquals(List.of(Hello.MessageSent.decode(log)), received);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "io.chainwire.stream.EventStream",
      "com.fasterxml.jackson.core.JsonFactory",
      "org.sqlite.JDBC",
      "org.slf4j.LoggerFactory"})
  void nothingButChainwireAbiIsOnTheClassPath(String absent) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(absent));
  }
}
