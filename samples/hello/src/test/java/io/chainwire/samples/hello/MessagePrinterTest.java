package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.samples.hello.contract.Hello;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sample's printer writes one line per event. */
class MessagePrinterTest {
    private static final Address SENDER = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static final LogMeta META = new LogMeta(
            Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
            7,
            Hash.keccak256("block"),
            Hash.keccak256("transaction"),
            0,
            3);
    private static final Hello.MessageSent EVENT = new Hello.MessageSent(SENDER, "Grüße", META);

    @Test
    void printsBlockLogIndexSenderAndMessage() {
        assertEquals(
                "block 7, log 3: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 says \"Grüße\"" + System.lineSeparator(),
                print(EVENT, EventContext.of(META)));
    }

    @Test
    void marksAnEventThatAReorgRemoved() {
        assertEquals(
                "removed block 7, log 3: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 says \"Grüße\""
                        + System.lineSeparator(),
                print(EVENT, EventContext.removal(META)));
    }

    @Test
    void printsTheMessageBytesOfTheRawLogReadably() {
        RawLog log = RawMessageTest.log(Bytes.fromHex("48690063c328"));
        assertEquals(
                "block 7, log 3: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 says \"Hi\\x00c\\xc3(\""
                        + System.lineSeparator(),
                print(Hello.MessageSent.decode(log), RawMessageTest.delivered(log)));
    }

    private static String print(Hello.MessageSent event, EventContext context) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MessagePrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).onMessageSent(event, context);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
