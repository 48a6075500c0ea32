package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.Topics;
import io.chainwire.handler.EventContext;
import io.chainwire.samples.hello.contract.Hello;
import io.chainwire.testkit.Calldata;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A message's bytes come from the raw log as the chain holds them, and print readably whatever they are. */
class RawMessageTest {
    private static final Address SENDER = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static final LogMeta META = new LogMeta(
            Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
            7,
            Hash.keccak256("block"),
            Hash.keccak256("transaction"),
            0,
            3);

    /** A MessageSent log carrying {@code message}, ABI-encoded as Solidity's {@code emit} writes it. */
    static RawLog log(Bytes message) {
        byte[] calldata =
                Calldata.function("send(string)").bytes(message).encode().toByteArray();
        Bytes data = Bytes.of(Arrays.copyOfRange(calldata, 4, calldata.length));
        return new RawLog(List.of(Hello.MessageSent.TOPIC0, Topics.address(SENDER)), data, META);
    }

    /** The context a stream gives a handler: it carries the raw log. */
    static EventContext delivered(RawLog log) {
        return new EventContext() {
            @Override
            public LogMeta meta() {
                return log.meta();
            }

            @Override
            public boolean removed() {
                return false;
            }

            @Override
            public Optional<RawLog> rawLog() {
                return Optional.of(log);
            }
        };
    }

    @Test
    void readsTheBytesOfTheRawLogWhichTheDecodedStringCannotKeep() {
        Bytes bytes = Bytes.fromHex("00c328ff41");
        RawLog log = log(bytes);
        Hello.MessageSent event = Hello.MessageSent.decode(log);

        assertEquals("\u0000\ufffd(\ufffdA", event.message());
        assertEquals(bytes, RawMessage.of(log));
        assertEquals(bytes, RawMessage.of(event, delivered(log)));
    }

    @Test
    void takesTheUtf8OfTheDecodedMessageWhenTheContextHasNoRawLog() {
        Hello.MessageSent event = new Hello.MessageSent(SENDER, "Grüße", META);

        assertEquals(Bytes.of("Grüße".getBytes(StandardCharsets.UTF_8)), RawMessage.of(event, EventContext.of(META)));
    }

    @Test
    void showsValidUtf8AsItIsAndEscapesQuotesBackslashesAndLineBreaks() {
        assertEquals("Grüße ✓ 🙂", readable("Grüße ✓ 🙂"));
        assertEquals("say \\\"hi\\\" \\\\ bye\\nnext\\r\\tend", readable("say \"hi\" \\ bye\nnext\r\tend"));
        assertEquals("", readable(""));
    }

    @Test
    void showsNulOtherControlAndFormatCharactersAsTheirBytes() {
        assertEquals(
                "a\\x00b\\x1b[31m\\x7f\\xc2\\x85\\xe2\\x80\\xae\\xe2\\x80\\xa8",
                readable("a\u0000b\u001b[31m\u007f\u0085\u202e\u2028"));
    }

    @Test
    void showsEveryByteThatIsNotValidUtf8AsItsByte() {
        assertEquals("\\xff", RawMessage.readable(Bytes.fromHex("ff")));
        assertEquals("\\xc3(ok", RawMessage.readable(Bytes.fromHex("c3286f6b")));
        assertEquals("\\xe2\\x82", RawMessage.readable(Bytes.fromHex("e282")), "a sequence cut short");
        assertEquals("\\xed\\xa0\\x80", RawMessage.readable(Bytes.fromHex("eda080")), "an encoded surrogate");
        assertEquals("\\xc0\\x80", RawMessage.readable(Bytes.fromHex("c080")), "an overlong NUL");
        assertEquals("message #3 ✓\\x00\\xc3(", RawMessage.readable(ChainMessages.message(3)));
    }

    private static String readable(String text) {
        return RawMessage.readable(Bytes.of(text.getBytes(StandardCharsets.UTF_8)));
    }
}
