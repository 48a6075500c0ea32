package io.chainwire.stream.internal;

import io.chainwire.abi.Address;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.RpcRequest;
import io.chainwire.rpc.RpcResult;
import io.chainwire.stream.ChainMismatchException;
import io.chainwire.stream.ContractCodeMissingException;
import io.chainwire.stream.NodesUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The start of a stream, before it delivers: every endpoint is probed in order ({@code eth_chainId} and the head) until
 * one answers, each failure logged with its own cause, and the stream fails if none answered within the startup timeout
 * (and in at least two rounds), unless one is there but busy (it answered something: a JSON-RPC error, a rate limit, a
 * server error), which it waits for; then the tracked addresses are checked for contract code. After this, node
 * failures are retried for as long as the stream runs.
 */
final class Startup {
    private static final Logger LOG = StreamLoggers.NODES;
    /** The most addresses checked for code, so a stream over thousands of addresses starts quickly. */
    static final int CODE_CHECK_SAMPLE = 100;

    private final StreamSettings settings;
    private final List<Endpoint> endpoints;
    private final ChainCheck chains;
    private final NodeCaller node;
    private final Backoff backoff;
    private final StopSignal stop;

    Startup(
            StreamSettings settings,
            List<Endpoint> endpoints,
            ChainCheck chains,
            NodeCaller node,
            Backoff backoff,
            StopSignal stop) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.chains = chains;
        this.node = node;
        this.backoff = backoff;
        this.stop = stop;
    }

    /**
     * Probes the endpoints until one answers, then checks the addresses for code.
     *
     * @throws NodesUnreachableException if none answered within the startup timeout
     * @throws ChainMismatchException if every endpoint serves another chain
     * @throws ContractCodeMissingException if code is required and an address has none
     */
    void run() {
        Endpoint.Probe answer = probe();
        checkCode(answer);
    }

    private Endpoint.Probe probe() {
        StreamId stream = settings.id();
        long deadline = stop.clock().nanoTime() + settings.startupTimeout().toNanos();
        // With no chain configured or recorded, only the first endpoint may say which chain it is: a
        // later one, answering while the first fails, might serve another.
        List<Endpoint> probed = chains.expected().isPresent() ? endpoints : endpoints.subList(0, 1);
        if (probed.size() < endpoints.size()) {
            LOG.info(
                    "stream '{}': learning the chain from {}, the first endpoint; set chainId(...) to start on any",
                    stream,
                    endpoints.get(0));
        }
        for (int round = 1; ; round++) {
            stop.check();
            Map<Endpoint, RuntimeException> failures = new LinkedHashMap<>();
            for (Endpoint endpoint : probed) {
                if (endpoint.refusal().isPresent()) {
                    continue;
                }
                try {
                    chains.verify(endpoint);
                    if (round > 1) {
                        LOG.info("stream '{}': {} answered", stream, endpoint);
                    }
                    return endpoint.lastProbe().orElseThrow();
                } catch (ChainCheck.WrongChain e) {
                    LOG.error("stream '{}': refusing {} for good: {}", stream, endpoint, e.getMessage());
                } catch (RpcException | NodeInconsistency e) {
                    failures.put(endpoint, e);
                    LOG.warn("stream '{}': {} did not answer the start-up probe: {}", stream, endpoint, e.getMessage());
                }
            }
            if (failures.isEmpty()) {
                throw new ChainMismatchException(
                        stream,
                        "every endpoint serves another chain: "
                                + String.join(
                                        "; ",
                                        endpoints.stream()
                                                .map(endpoint ->
                                                        endpoint.refusal().orElseThrow())
                                                .toList()));
            }
            // At least two rounds: a probe slower than the whole timeout does not make the only try.
            if (settings.failFast()
                    && round >= 2
                    && stop.clock().nanoTime() - deadline >= 0
                    && probed.stream().noneMatch(Endpoint::hasAnswered)) {
                List<String> causes = new ArrayList<>();
                failures.forEach((endpoint, failure) -> causes.add(endpoint + ": " + failure.getMessage()));
                throw new NodesUnreachableException(
                        stream,
                        "no endpoint answered within "
                                + settings.startupTimeout().toSeconds() + " s: " + String.join("; ", causes)
                                + (probed.size() < endpoints.size()
                                        ? " (the chain is learned from the first endpoint: set chainId(...) to start on the others)"
                                        : ""),
                        failures.values().stream()
                                .reduce((first, second) -> second)
                                .orElseThrow());
            }
            Duration delay = backoff.delay(round);
            LOG.info("stream '{}': no endpoint answered yet; probing again in {} ms", stream, delay.toMillis());
            stop.sleep(delay);
        }
    }

    /** Warns of, or refuses, tracked addresses without contract code at the probed head. */
    private void checkCode(Endpoint.Probe answer) {
        List<Address> addresses = settings.filter().addresses();
        if (addresses.isEmpty()) {
            return;
        }
        List<Address> sample = addresses.subList(0, Math.min(CODE_CHECK_SAMPLE, addresses.size()));
        long block = answer.head().number();
        List<RpcRequest<String>> requests = sample.stream()
                .map(address -> RpcRequest.call("eth_getCode", address, BlockTag.number(block)))
                .toList();
        List<RpcResult<String>> codes;
        try {
            codes = node.call(
                    "eth_getCode of " + sample.size() + " addresses",
                    endpoint -> endpoint.request(client -> client.batch(requests)));
        } catch (RuntimeException e) {
            if (e instanceof StreamStopping) {
                throw e;
            }
            LOG.info("stream '{}': could not check the addresses for contract code: {}", settings.id(), e.getMessage());
            return;
        }
        List<Address> missing = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            if (codes.get(i).isSuccess() && "\"0x\"".equals(codes.get(i).get())) {
                missing.add(sample.get(i));
                LOG.warn(
                        "stream '{}': no contract code at {} on chain {} at block {}",
                        settings.id(),
                        sample.get(i),
                        answer.chainId(),
                        block);
            }
        }
        if (!missing.isEmpty() && settings.requireContractCode()) {
            throw new ContractCodeMissingException(
                    settings.id(),
                    "no contract code at " + missing + " on chain " + answer.chainId() + " at block " + block);
        }
    }
}
