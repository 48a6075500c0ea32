package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.TransactionReceipt;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed sample's contract, compiled, deployed and called on a real node; its logs read back by hand. */
@AnvilTest
class HelloOnAnvilTest {
    private static final Hash MESSAGE_SENT = Hash.keccak256("MessageSent(address,string)");

    @Test
    void messagesComeBackAsLogsWithSenderTopicAndAbiEncodedText(Anvil anvil) {
        Contracts contracts = new Contracts(anvil);
        Address hello = contracts.deploy(Solidity.compile(ProjectFiles.HELLO_SOURCE, "Hello"));
        Address alice = anvil.accounts().get(0);
        Address bob = anvil.accounts().get(1);
        String longText = "a message longer than one 32-byte word, with non-ASCII: héllo wörld ✓";

        TransactionReceipt first = contracts.send(
                alice, hello, Calldata.function("send(string)").string("hello").encode());
        TransactionReceipt second = contracts.send(
                bob, hello, Calldata.function("send(string)").string(longText).encode());

        List<RawLog> logs = contracts.getLogs(hello, first.blockNumber(), second.blockNumber());
        assertEquals(2, logs.size());
        assertMessage(logs.get(0), hello, alice, "hello");
        assertMessage(logs.get(1), hello, bob, longText);
        assertEquals(first.logs().get(0), logs.get(0));
        assertEquals(second.logs().get(0), logs.get(1));
        assertEquals(second.blockNumber(), logs.get(1).meta().blockNumber());
        assertEquals(second.transactionHash(), logs.get(1).meta().transactionHash());
    }

    @Test
    void aCallTheContractRevertsFailsSayingSo(Anvil anvil) {
        Contracts contracts = new Contracts(anvil);
        Address hello = contracts.deploy(Solidity.compile(ProjectFiles.HELLO_SOURCE, "Hello"));

        AnvilException error = assertThrows(
                AnvilException.class,
                () -> contracts.send(
                        hello, Calldata.function("noSuchFunction()").encode()));

        assertTrue(error.getMessage().contains("reverted"), error.getMessage());
    }

    private static void assertMessage(RawLog log, Address contract, Address sender, String message) {
        assertEquals(contract, log.address());
        assertEquals(List.of(MESSAGE_SENT, AbiWords.topic(sender)), log.topics());
        byte[] data = log.data().toByteArray();
        assertEquals(BigInteger.valueOf(32), word(data, 0), "offset of the string");
        int length = word(data, 32).intValueExact();
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf8.length, length);
        assertEquals(message, new String(data, 64, length, StandardCharsets.UTF_8));
        assertEquals(64 + (length + 31) / 32 * 32, data.length, "data is padded to whole words");
    }

    private static BigInteger word(byte[] data, int offset) {
        return new BigInteger(1, Arrays.copyOfRange(data, offset, offset + 32));
    }
}
