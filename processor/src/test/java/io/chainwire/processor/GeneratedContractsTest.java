package io.chainwire.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.contracts.ERC20;
import io.chainwire.contracts.Erc20Handler;
import io.chainwire.contracts.Erc20HandlerDispatcher;
import io.chainwire.contracts.Greeter;
import io.chainwire.contracts.GreeterHandlerDispatcher;
import io.chainwire.contracts.Token;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The classes the processors generated while this module's tests compiled (package {@code io.chainwire.contracts}):
 * contracts from ABIs found on the class path, in the ABI directory and next to the source, and dispatchers that route
 * real logs to typed handlers.
 */
final class GeneratedContractsTest {
    private static final LogMeta META =
            new LogMeta(Address.ZERO, 1, Hash.keccak256("block"), Hash.keccak256("tx"), 0, 0);
    private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
    private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");

    private static Hash topic(Address address) {
        byte[] topic = new byte[32];
        System.arraycopy(address.toByteArray(), 0, topic, 12, 20);
        return Hash.of(topic);
    }

    private static Bytes word(long value) {
        byte[] word = new byte[32];
        byte[] bytes = BigInteger.valueOf(value).toByteArray();
        System.arraycopy(bytes, 0, word, 32 - bytes.length, bytes.length);
        return Bytes.of(word);
    }

    @Test
    void generatedContractsFromEveryLookupPlace() {
        assertEquals("Transfer(address,address,uint256)", ERC20.Transfer.SIGNATURE);
        assertEquals("Ping(uint256)", Greeter.Ping.SIGNATURE);
        assertEquals("Transfer(address,address,uint256)", Token.Transfer.SIGNATURE);
        assertEquals(Hash.keccak256("Transfer(address,address,uint256)"), Token.Transfer.TOPIC0);
    }

    @Test
    void dispatchesTypedErc20EventsToTheHandler() {
        List<Object> handled = new ArrayList<>();
        EventDispatcher dispatcher = new Erc20HandlerDispatcher(new Erc20Handler() {
            @Override
            public void onTransfer(ERC20.Transfer transfer, EventContext context) {
                handled.add(transfer);
                handled.add(context);
            }

            @Override
            public void onApproval(ERC20.Approval approval) {
                handled.add(approval);
            }
        });
        EventContext context = EventContext.of(META);
        RawLog transfer = new RawLog(List.of(ERC20.Transfer.TOPIC0, topic(ALICE), topic(BOB)), word(5), META);
        RawLog approval = new RawLog(List.of(ERC20.Approval.TOPIC0, topic(BOB), topic(ALICE)), word(9), META);
        RawLog other = new RawLog(List.of(Greeter.Ping.TOPIC0), word(1), META);

        assertTrue(dispatcher.dispatch(transfer, context));
        assertTrue(dispatcher.dispatch(approval, context));
        assertFalse(dispatcher.dispatch(other, context));

        assertEquals(
                List.of(
                        new ERC20.Transfer(ALICE, BOB, BigInteger.valueOf(5), META),
                        context,
                        new ERC20.Approval(BOB, ALICE, BigInteger.valueOf(9), META)),
                handled);
        assertEquals(Set.of(ERC20.Transfer.TOPIC0, ERC20.Approval.TOPIC0), dispatcher.topics());
    }

    @Test
    void dispatchesEventsOfAContractFromTheAbiDirectory() {
        List<Greeter.MessageSent> handled = new ArrayList<>();
        EventDispatcher dispatcher = new GreeterHandlerDispatcher(handled::add);
        Bytes data = Bytes.fromHex("0x0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000002"
                + "676d000000000000000000000000000000000000000000000000000000000000");
        RawLog message = new RawLog(List.of(Greeter.MessageSent.TOPIC0, topic(ALICE)), data, META);

        assertTrue(dispatcher.dispatch(message, EventContext.of(META)));
        assertEquals(List.of(new Greeter.MessageSent(ALICE, "gm", META)), handled);
    }
}
