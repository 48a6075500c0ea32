package io.chainwire.samples.hello;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.RawLog;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /**
     * Sends {@code count} messages, one block each, alternately from the first two accounts; see {@link #message(int)}.
     */
    void send(int count) {
        for (int i = 0; i < count; i++) {
            int number = sent.incrementAndGet();
            Address sender = anvil.accounts().get(number % 2);
            // Encoded as bytes: the ABI layout of string and bytes is the same, and Solidity does not check UTF-8.
            contracts.send(
                    sender,
                    hello,
                    Calldata.function("send(string)").bytes(message(number)).encode());
        }
    }

    /**
     * Returns the bytes of message {@code number}: "message #N ✓" in UTF-8, and every third one followed by a NUL byte
     * and an invalid UTF-8 sequence (0xc3 0x28).
     */
    static Bytes message(int number) {
        byte[] text = ("message #" + number + " ✓").getBytes(StandardCharsets.UTF_8);
        if (number % 3 != 0) {
            return Bytes.of(text);
        }
        byte[] message = Arrays.copyOf(text, text.length + 3);
        message[text.length] = 0;
        message[text.length + 1] = (byte) 0xc3;
        message[text.length + 2] = 0x28;
        return Bytes.of(message);
    }

    /** Returns how many messages {@link #send} sent. */
    int sent() {
        return sent.get();
    }

    /** Returns the rows the messages table must hold: every message on the chain, in chain order. */
    List<MessageTable.Row> expectedRows() {
        List<RawLog> logs = contracts.getLogs(hello, 0, anvil.blockNumber());
        return logs.stream().map(MessageTable.Row::of).toList();
    }
}
