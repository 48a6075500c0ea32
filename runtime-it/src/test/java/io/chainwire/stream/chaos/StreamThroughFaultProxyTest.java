package io.chainwire.stream.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.stream.StreamHandle;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.Fault;
import io.chainwire.testkit.FaultProxy;
import io.chainwire.testkit.FaultRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream behind a {@link FaultProxy} that answers with 429s and 5xx statuses, stalls past the request timeout,
 * truncates JSON, resets connections, drops and closes WebSockets, loses and delays notifications, and refuses wide
 * {@code eth_getLogs} ranges: the ledger still ends equal to the chain, every message once.
 */
@AnvilTest
class StreamThroughFaultProxyTest {
    private static final long SEED = 3;

    @TempDir
    Path dir;

    @Test
    void backfillAndPollingDeliverExactlyTheChainThroughHttpFaults(Anvil anvil) throws Exception {
        HelloChain chain = new HelloChain(anvil);
        // Deep enough that the stream backfills most of it by eth_getLogs ranges, which the proxy caps at 10 blocks.
        chain.send(20);
        anvil.mine(150);
        chain.send(20);
        anvil.mine(50);
        chain.send(20);
        List<FaultRule> scripted = List.of(
                FaultRule.at(Fault.tooManyRequests(Duration.ZERO), 2, 40),
                FaultRule.at(Fault.status(500), 3, 12),
                FaultRule.at(Fault.status(502), 5),
                FaultRule.at(Fault.status(503), 7, 20),
                FaultRule.at(Fault.drop(), 11),
                FaultRule.at(Fault.truncate(), 14, 23),
                FaultRule.at(Fault.reset(), 16, 26));
        FaultRule noise = FaultRule.random(Fault.status(503), 0.05, 10);
        FaultProxy.Builder proxyBuilder =
                FaultProxy.builder(anvil.httpUrl()).seed(SEED).rangeLimit(10).maxHold(Duration.ofSeconds(5));
        scripted.forEach(proxyBuilder::rule);
        Path file = dir.resolve("ledger.db");
        Ledger.create(file);
        try (FaultProxy proxy = proxyBuilder.rule(noise).start();
                CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = ChaosStreams.builder(chain, store, proxy.httpUrl())
                        .build()
                        .start()) {
            chain.awaitLedger(file, 60, handle);
            chain.send(20);
            chain.awaitLedger(file, 80, handle);

            for (FaultRule rule : scripted) {
                assertEquals(rule.limit(), proxy.injected(rule), rule + "\n" + String.join("\n", proxy.journal()));
            }
            assertTrue(proxy.rangeLimited() > 0, "the range limit refused some eth_getLogs");
        }
    }

    @Test
    void liveFollowingOverAWebSocketSurvivesLostDelayedAndDroppedConnections(Anvil anvil) throws Exception {
        HelloChain chain = new HelloChain(anvil);
        chain.send(10);
        List<FaultRule> notifications = Stream.of(
                        FaultRule.at(Fault.drop(), 2),
                        FaultRule.at(Fault.delay(Duration.ofMillis(500)), 4),
                        FaultRule.at(Fault.closeWebSocket(), 6),
                        FaultRule.at(Fault.reset(), 10))
                .map(rule -> rule.methods("eth_subscription"))
                .toList();
        FaultProxy.Builder proxyBuilder = FaultProxy.builder(anvil.httpUrl())
                .seed(SEED)
                .maxHold(Duration.ofSeconds(5))
                .rule(FaultRule.at(Fault.drop(), 3)
                        .channel(FaultProxy.Channel.WEBSOCKET)
                        .methods("eth_getLogs"));
        notifications.forEach(proxyBuilder::rule);
        Path file = dir.resolve("ledger.db");
        Ledger.create(file);
        try (FaultProxy proxy = proxyBuilder.start();
                CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = ChaosStreams.builder(chain, store, proxy.wsUrl(), proxy.httpUrl())
                        .build()
                        .start()) {
            chain.awaitLedger(file, 10, handle);
            for (int message = 11; message <= 30; message++) {
                chain.send(1);
                chain.awaitLedger(file, message, handle);
            }

            for (FaultRule rule : notifications) {
                assertEquals(1, proxy.injected(rule), rule + "\n" + String.join("\n", proxy.journal()));
            }
            assertTrue(
                    proxy.webSocketConnections() >= 3,
                    "reconnected after the close and the reset: " + proxy.webSocketConnections());
        }
    }
}
