package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.TopicFilter;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.Contracts;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@AnvilTest
class HttpRpcClientOnAnvilTest {
    private static HttpRpcClient client(Anvil anvil) {
        return HttpRpcClient.builder(RpcEndpoint.of(anvil.httpUrl())).build();
    }

    @Test
    void readsTheHeadAndHeadersThatChainByParentHash(Anvil anvil) {
        anvil.mine(3);
        try (HttpRpcClient client = client(anvil)) {
            long head = client.blockNumber();

            assertEquals(anvil.blockNumber(), head);
            assertEquals(31337, client.chainId());
            BlockHeader previous = client.getBlockByNumber(head - 2).orElseThrow();
            for (long number = head - 1; number <= head; number++) {
                BlockHeader header = client.getBlockByNumber(number).orElseThrow();
                assertEquals(anvil.blockHash(number), header.hash());
                assertTrue(previous.isParentOf(header), previous + " then " + header);
                assertEquals(Optional.of(header), client.getBlockByHash(header.hash()));
                previous = header;
            }
            assertEquals(
                    head, client.getBlockByNumber(BlockTag.LATEST).orElseThrow().number());
            assertEquals(
                    0, client.getBlockByNumber(BlockTag.EARLIEST).orElseThrow().number());
            assertTrue(client.getBlockByNumber(BlockTag.FINALIZED).orElseThrow().number() <= head);
            assertTrue(client.getBlockByNumber(BlockTag.SAFE).orElseThrow().number() <= head);
            assertEquals(Optional.empty(), client.getBlockByNumber(head + 1000));
            assertEquals(Optional.empty(), client.getBlockByHash(Hash.fromHex("0x" + "12".repeat(32))));
        }
    }

    @Test
    void getsTheSameLogsAsTheReceiptsAndFiltersByAddressTopicAndBlockHash(Anvil anvil) {
        LogEmitters.Messages sent = LogEmitters.sendMessages(anvil, "hello", "a longer message, héllo wörld", "third");
        List<TransactionReceipt> receipts = sent.receipts();
        long from = receipts.get(0).blockNumber();
        long to = receipts.get(2).blockNumber();
        LogFilter byHello = LogFilter.builder().address(sent.hello()).build();
        Address alice = anvil.accounts().get(0);

        try (HttpRpcClient client = client(anvil)) {
            List<RawLog> all = client.getLogs(byHello.withRange(from, to));
            List<RawLog> fromAlice = client.getLogs(LogFilter.builder()
                    .address(sent.hello())
                    .topics(TopicFilter.builder()
                            .topic(0, LogEmitters.MESSAGE_SENT)
                            .topic(1, LogEmitters.addressTopic(alice))
                            .build())
                    .fromBlock(from)
                    .toBlock(to)
                    .build());
            List<RawLog> secondBlock =
                    client.getLogs(byHello.withBlockHash(receipts.get(1).blockHash()));
            List<RawLog> otherContract = client.getLogs(LogFilter.builder()
                    .address(Address.ZERO)
                    .fromBlock(from)
                    .toBlock(to)
                    .build());

            assertEquals(
                    receipts.stream()
                            .flatMap(receipt -> receipt.logs().stream())
                            .toList(),
                    all);
            assertEquals(new Contracts(anvil).getLogs(sent.hello(), from, to), all);
            assertEquals(List.of(all.get(0), all.get(2)), fromAlice);
            assertEquals(List.of(all.get(1)), secondBlock);
            assertEquals(List.of(), otherContract);
        }
    }

    @Test
    void readsTheReceiptsOfADeploymentACallAndAMinedRevert(Anvil anvil) {
        LogEmitters.Burst burst = LogEmitters.burst(anvil, 3);
        LogEmitters.Messages sent = LogEmitters.sendMessages(anvil, "receipt");
        Hash reverting = LogEmitters.minedRevert(anvil);

        try (HttpRpcClient client = client(anvil)) {
            TransactionReceipt deployment =
                    client.getTransactionReceipt(burst.transactionHash()).orElseThrow();
            TransactionReceipt call = client.getTransactionReceipt(
                            sent.receipts().get(0).transactionHash())
                    .orElseThrow();
            TransactionReceipt reverted =
                    client.getTransactionReceipt(reverting).orElseThrow();

            assertEquals(Optional.of(burst.contract()), deployment.contractAddress());
            assertEquals(burst.blockHash(), deployment.blockHash());
            assertEquals(
                    client.getLogs(
                            LogFilter.builder().blockHash(burst.blockHash()).build()),
                    deployment.logs());
            assertTrue(call.succeeded());
            assertEquals(Optional.empty(), call.contractAddress());
            assertEquals(
                    client.getBlockByNumber(call.blockNumber()).orElseThrow().hash(), call.blockHash());
            assertEquals(
                    client.getLogs(LogFilter.builder()
                            .address(sent.hello())
                            .blockHash(call.blockHash())
                            .build()),
                    call.logs());
            assertFalse(reverted.succeeded());
            assertEquals(List.of(), reverted.logs());
            assertEquals(Optional.empty(), client.getTransactionReceipt(Hash.fromHex("0x" + "12".repeat(32))));
        }
    }

    @Test
    void streamsAResponseOfHundredsOfLogs(Anvil anvil) {
        LogEmitters.Burst burst = LogEmitters.burst(anvil, 600);

        try (HttpRpcClient client = client(anvil)) {
            List<RawLog> logs = client.getLogs(LogFilter.builder()
                    .address(burst.contract())
                    .blockHash(burst.blockHash())
                    .build());

            assertEquals(600, logs.size());
            assertEquals(
                    IntStream.range(0, 600).boxed().toList(),
                    logs.stream().map(log -> log.meta().logIndex()).toList());
            assertEquals(
                    BigInteger.valueOf(600),
                    new BigInteger(1, logs.get(0).data().toByteArray()));
            assertEquals(BigInteger.ONE, new BigInteger(1, logs.get(599).data().toByteArray()));
            assertEquals(
                    new Contracts(anvil).getLogs(burst.contract(), burst.blockNumber(), burst.blockNumber()), logs);
        }
    }

    @Test
    void theBloomOfEachBlocksLogsIsTheBlocksLogsBloom(Anvil anvil) {
        LogEmitters.Burst burst = LogEmitters.burst(anvil, 40);
        LogEmitters.Messages sent = LogEmitters.sendMessages(anvil, "bloom", "filter");
        anvil.mine(1);

        try (HttpRpcClient client = client(anvil)) {
            long head = client.blockNumber();
            int withLogs = 0;
            for (long number = 0; number <= head; number++) {
                BlockHeader header = client.getBlockByNumber(number).orElseThrow();
                List<RawLog> logs = client.getLogs(
                        LogFilter.builder().blockHash(header.hash()).build());

                assertEquals(header.logsBloom().orElseThrow(), Bloom.of(logs), "block " + number);
                withLogs += logs.isEmpty() ? 0 : 1;
            }
            assertTrue(withLogs >= 3, withLogs + " blocks with logs");
            Bloom burstBlock = client.getBlockByHash(burst.blockHash())
                    .orElseThrow()
                    .logsBloom()
                    .orElseThrow();
            assertTrue(burstBlock.mightContain(burst.contract()) && burstBlock.mightContain(LogEmitters.BURST_TOPIC));
            Bloom helloBlock = client.getBlockByNumber(sent.receipts().get(0).blockNumber())
                    .orElseThrow()
                    .logsBloom()
                    .orElseThrow();
            assertTrue(helloBlock.mightContain(sent.hello()) && helloBlock.mightContain(LogEmitters.MESSAGE_SENT));
        }
    }

    @Test
    void batchesCallsAndKeepsEachErrorWithItsRequest(Anvil anvil) {
        anvil.mine(1);
        try (HttpRpcClient client = client(anvil)) {
            List<RpcResult<Object>> results = client.batch(List.of(
                    RpcRequest.blockNumber(),
                    RpcRequest.getBlockByNumber(BlockTag.number(1)),
                    RpcRequest.call("chainwire_noSuchMethod"),
                    RpcRequest.chainId()));

            assertEquals(anvil.blockNumber(), results.get(0).get());
            assertEquals(
                    anvil.blockHash(1),
                    ((Optional<?>) results.get(1).get())
                            .map(header -> ((BlockHeader) header).hash())
                            .orElseThrow());
            RpcErrorException error = assertThrows(RpcErrorException.class, results.get(2)::get);
            assertEquals(-32601, error.code());
            assertEquals(RpcErrorKind.PERMANENT, RpcErrors.classify(error));
            assertEquals(31337L, results.get(3).get());
        }
    }

    @Test
    void mapsAnvilsRangeErrorToItsCodeMessageAndKind(Anvil anvil) {
        try (HttpRpcClient client = client(anvil)) {
            long head = client.blockNumber();

            RpcErrorException e = assertThrows(
                    RpcErrorException.class,
                    () -> client.getLogs(LogFilter.builder()
                            .fromBlock(head + 10)
                            .toBlock(head + 20)
                            .build()));

            assertEquals(-32602, e.code());
            assertEquals(
                    "BlockOutOfRangeError: block height is " + head + " but requested was " + (head + 10),
                    e.rpcMessage());
            assertEquals("eth_getLogs", e.method());
            assertEquals(Optional.of(KnownProviderError.ANVIL_BLOCK_OUT_OF_RANGE), RpcErrors.knownError(e));
            assertEquals(RpcErrorKind.BEYOND_HEAD, RpcErrors.classify(e));
        }
    }

    @Test
    void anvilClampsAToBlockPastItsHead(Anvil anvil) {
        LogEmitters.Messages sent = LogEmitters.sendMessages(anvil, "clamped");
        long block = sent.receipts().get(0).blockNumber();

        try (HttpRpcClient client = client(anvil)) {
            List<RawLog> logs = client.getLogs(LogFilter.builder()
                    .address(sent.hello())
                    .fromBlock(block)
                    .toBlock(block + 1000)
                    .build());

            assertEquals(sent.receipts().get(0).logs(), logs);
        }
    }

    @Test
    void callsAnyMethodWithRawJsonResults(Anvil anvil) {
        try (HttpRpcClient client = client(anvil)) {
            long before = client.blockNumber();

            assertEquals("null", client.call("anvil_mine", "0x2"));
            assertEquals(before + 2, client.blockNumber());
            String balance = client.call("eth_getBalance", anvil.accounts().get(0), BlockTag.LATEST);
            assertTrue(balance.startsWith("\"0x"), balance);
            assertFalse(client.call("web3_clientVersion").isBlank());
        }
    }
}
