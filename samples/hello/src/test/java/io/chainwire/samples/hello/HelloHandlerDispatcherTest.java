package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.rpc.TransactionReceipt;
import io.chainwire.samples.hello.contract.Hello;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real Hello logs from a local node, routed by the generated dispatcher to a typed handler. */
@AnvilTest
class HelloHandlerDispatcherTest {
    private static final Path HELLO_SOURCE = Path.of("src/main/solidity/Hello.sol");
    private static final Path LOOK_ALIKE_SOURCE = Path.of("src/test/solidity/LookAlike.sol");

    @Test
    void deliversEachMessageAsATypedEventInChainOrder(Anvil anvil) {
        Contracts contracts = new Contracts(anvil);
        Address hello = contracts.deploy(Solidity.compile(HELLO_SOURCE, "Hello"));
        Address alice = anvil.accounts().get(0);
        Address bob = anvil.accounts().get(1);
        String nonAscii = "Grüße, ¡hola!, こんにちは ✓";
        String longText = "a message that spans many 32-byte words of log data. ".repeat(20);

        TransactionReceipt first = contracts.send(
                alice, hello, Calldata.function("send(string)").string(nonAscii).encode());
        TransactionReceipt second = contracts.send(
                bob, hello, Calldata.function("send(string)").string(longText).encode());

        RecordingHandler handler = new RecordingHandler();
        HelloHandlerDispatcher dispatcher = new HelloHandlerDispatcher(handler);
        for (RawLog log : contracts.getLogs(hello, 0, anvil.blockNumber())) {
            assertTrue(dispatcher.dispatch(log, EventContext.of(log.meta())), "dispatched " + log);
        }

        LogMeta firstMeta = first.logs().get(0).meta();
        LogMeta secondMeta = second.logs().get(0).meta();
        assertEquals(
                List.of(
                        new Hello.MessageSent(alice, nonAscii, firstMeta),
                        new Hello.MessageSent(bob, longText, secondMeta)),
                handler.events);
        assertEquals(first.blockNumber(), firstMeta.blockNumber());
        assertEquals(second.blockNumber(), secondMeta.blockNumber());
        assertEquals(0, firstMeta.logIndex());
        assertEquals(0, secondMeta.logIndex());
        assertEquals(List.of(EventContext.of(firstMeta), EventContext.of(secondMeta)), handler.contexts);
    }

    @Test
    void leavesLogsOfOtherEventsAlone(Anvil anvil) {
        Contracts contracts = new Contracts(anvil);
        Address lookAlike = contracts.deploy(Solidity.compile(LOOK_ALIKE_SOURCE, "LookAlike"));
        Bytes message = Bytes.of("hello".getBytes(StandardCharsets.UTF_8));
        TransactionReceipt receipt = contracts.send(
                lookAlike, Calldata.function("send(bytes)").bytes(message).encode());
        RawLog log = receipt.logs().get(0);

        RecordingHandler handler = new RecordingHandler();
        HelloHandlerDispatcher dispatcher = new HelloHandlerDispatcher(handler);

        assertEquals(Set.of(Hello.MessageSent.TOPIC0), dispatcher.topics());
        assertFalse(dispatcher.dispatch(log, EventContext.of(log.meta())));
        assertEquals(List.of(), handler.events);
    }

    /** Keeps what the dispatcher hands over, in order. */
    private static final class RecordingHandler implements HelloHandler {
        final List<Hello.MessageSent> events = new ArrayList<>();
        final List<EventContext> contexts = new ArrayList<>();

        @Override
        public void onMessageSent(Hello.MessageSent event, EventContext context) {
            events.add(event);
            contexts.add(context);
        }
    }
}
