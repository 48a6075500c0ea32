package io.chainwire.stream.simulation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.InProcessRpcClient;
import io.chainwire.rpc.InProcessRpcClient.TransportFailure;
import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcTransportException;
import io.chainwire.stream.internal.NodeConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One endpoint's node over a {@link SimulatedChain}: it answers JSON-RPC requests and batches ({@code eth_chainId},
 * {@code eth_blockNumber}, {@code eth_getBlockByNumber} by number and tag, {@code eth_getBlockByHash},
 * {@code eth_getLogs} by range or block hash) from its own view of the chain, and pushes new heads to its subscribers,
 * with the faults and lies its {@link Faults} switch on. Every request takes virtual time, during which the chain may
 * move. Decisions draw on the node's own seeded generator, so a run replays exactly.
 */
public final class SimulatedNode implements InProcessRpcClient.Transport {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final long ABSURD_NUMBER = 1L << 62;

    private final String name;
    private final RpcEndpoint endpoint;
    private final SimulatedChain chain;
    private final VirtualClock clock;
    private final Random random;
    // The logs of the answer being written that the removed-logs lie marks removed.
    private final Set<RawLog> markedRemoved = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Faults faults;
    private final Trace trace;
    private final Callers callers;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private int subscriptions;
    private long requests;

    /** What a node knows of the processes that call it: whether they are alive, and which copy calls. */
    public interface Callers {
        /** Throws while the calling process is dead. */
        void checkAlive();

        /** Returns the calling copy's number (0 with a single copy). */
        default int caller() {
            return 0;
        }

        /** Returns true if copy {@code caller} cannot reach the nodes now (a partition). */
        default boolean cutOff(int caller) {
            return false;
        }

        /** Returns the calling copy's name, to begin its trace entries with ("" with a single copy). */
        default String label() {
            return "";
        }
    }

    /**
     * Creates the node.
     *
     * @param callers runs before each request (throws while the calling process is dead) and says who calls
     */
    public SimulatedNode(
            String name,
            RpcEndpoint endpoint,
            SimulatedChain chain,
            VirtualClock clock,
            Random random,
            Faults faults,
            Trace trace,
            Callers callers) {
        this.name = Objects.requireNonNull(name, "name");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.callers = Objects.requireNonNull(callers, "callers");
        chain.onNewHead(this::headChanged);
    }

    /** Returns the node's name in the trace. */
    public String name() {
        return name;
    }

    /** Returns the endpoint the node serves. */
    public RpcEndpoint endpoint() {
        return endpoint;
    }

    /** Returns the node's switches, to turn faults on and off. */
    public Faults faults() {
        return faults;
    }

    /** Returns the chain the node serves. */
    public SimulatedChain chain() {
        return chain;
    }

    /** Returns how many requests (single or batch) the node received. */
    public long requests() {
        return requests;
    }

    /** Returns the newest block the node knows. */
    public long viewHead() {
        return Math.max(0, chain.head().number() - faults.viewLag);
    }

    @Override
    public byte[] exchange(byte[] request, Duration timeout) {
        callers.checkAlive();
        requests++;
        Object parsed = JsonValues.parse(request);
        String asked = callers.label() + name + " " + describe(parsed);
        if (callers.cutOff(callers.caller())) {
            clock.advance(timeout);
            trace.add(asked + " -> no answer (cut off)");
            throw TransportFailure.timeout();
        }
        Duration latency = Duration.ofMillis(random.nextInt(faults.maxLatencyMillis + 1));
        clock.advance(latency);
        if (faults.silent || random.nextDouble() < faults.timeouts) {
            clock.advance(timeout.minus(latency).isNegative() ? Duration.ZERO : timeout.minus(latency));
            trace.add(asked + " -> timeout");
            throw TransportFailure.timeout();
        }
        if (random.nextDouble() < faults.rateLimits) {
            String retryAfter = faults.absurdRetryAfter
                    ? "999999999"
                    : Integer.toString(random.nextInt(faults.retryAfterSeconds + 1));
            trace.add(asked + " -> 429 retry-after " + retryAfter);
            throw TransportFailure.status(
                    429,
                    retryAfter,
                    "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":429,\"message\":\"Too Many Requests\"}}");
        }
        if (random.nextDouble() < faults.serverErrors) {
            int status = random.nextBoolean() ? 502 : 503;
            trace.add(asked + " -> " + status);
            throw TransportFailure.status(status, null, "upstream connect error or disconnect/reset before headers");
        }
        if (random.nextDouble() < faults.ioErrors) {
            trace.add(asked + " -> connection reset");
            throw TransportFailure.io("IOException: connection reset");
        }
        Exchange exchange = new Exchange();
        byte[] body;
        if (random.nextDouble() < faults.internalErrors) {
            body = write(generator -> writeEnvelope(
                    generator,
                    parsed instanceof List<?> ? null : id(parsed),
                    new Failure(-32603, "internal error: upstream timeout")));
            exchange.summaries.add("-32603");
        } else if (parsed instanceof List<?> batch) {
            List<Answer> answers = new ArrayList<>();
            for (Object call : batch) {
                answers.add(answer(call, exchange));
            }
            body = write(generator -> {
                generator.writeStartArray();
                for (int i = 0; i < batch.size(); i++) {
                    writeEnvelope(generator, id(batch.get(i)), answers.get(i));
                }
                generator.writeEndArray();
            });
        } else {
            Answer answer = answer(parsed, exchange);
            body = write(generator -> writeEnvelope(generator, id(parsed), answer));
        }
        if (faults.oversizedAbove > 0 && exchange.logs > faults.oversizedAbove) {
            trace.add(asked + " -> oversized (" + exchange.logs + " logs)");
            throw TransportFailure.oversized();
        }
        trace.add(asked + " -> " + String.join(", ", exchange.summaries));
        return body;
    }

    /** What one exchange answered, for the trace and the size bound. */
    private static final class Exchange {
        final List<String> summaries = new ArrayList<>();
        int logs;
    }

    private sealed interface Answer permits Result, Failure {}

    private record Result(Writer writer) implements Answer {}

    private record Failure(int code, String message) implements Answer {}

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    private Answer answer(Object call, Exchange exchange) {
        Map<?, ?> request = (Map<?, ?>) call;
        String method = (String) request.get("method");
        List<?> params = (List<?>) request.get("params");
        Answer answer = switch (method) {
            case "eth_chainId" -> quantity(chain.chainId(), exchange);
            case "eth_blockNumber" -> quantity(viewHead(), exchange);
            case "eth_getBlockByNumber" -> blockByNumber((String) params.get(0), exchange);
            case "eth_getBlockByHash" -> header(known(Hash.fromHex((String) params.get(0))), exchange);
            case "eth_getLogs" -> logs((Map<?, ?>) params.get(0), exchange);
            default -> new Failure(-32601, "the method " + method + " does not exist/is not available");
        };
        if (answer instanceof Failure failure) {
            exchange.summaries.add(failure.code + " " + failure.message);
        }
        return answer;
    }

    private Answer quantity(long value, Exchange exchange) {
        exchange.summaries.add(Long.toString(value));
        return new Result(generator -> generator.writeString(hex(value)));
    }

    private Answer blockByNumber(String tag, Exchange exchange) {
        if (random.nextDouble() < faults.headerNotFound) {
            return new Failure(-32000, "header not found");
        }
        long head = viewHead();
        long number;
        switch (tag) {
            case "latest", "pending" -> number = head;
            case "earliest" -> number = 0;
            case "safe" -> number = Math.max(chain.finalized(), (chain.finalized() + head) / 2);
            case "finalized" -> {
                if (faults.finalized == Faults.Finalized.UNSUPPORTED) {
                    return new Failure(-32602, "invalid argument 0: hex string without 0x prefix");
                }
                number = reportedFinalized(head);
                if (number < 0) {
                    exchange.summaries.add("no finalized block");
                    return new Result(JsonGenerator::writeNull);
                }
            }
            default -> {
                number = Long.decode(tag);
                if (number <= head && random.nextDouble() < faults.wrongBlockNumbers) {
                    number = number == head || random.nextBoolean() ? number - 1 : number + 1;
                    number = Math.max(0, number);
                }
            }
        }
        return header(number <= head ? chain.block(number) : Optional.empty(), exchange);
    }

    /** Returns the block with {@code hash} if the node serves it: not forgotten, and not above its view. */
    private Optional<SimulatedChain.Block> known(Hash hash) {
        return chain.byHash(hash).filter(block -> block.number() <= viewHead());
    }

    private long reportedFinalized(long head) {
        long finalized = Math.min(chain.finalized(), head);
        return switch (faults.finalized) {
            case SUPPORTED, UNSUPPORTED -> finalized;
            case LAGGING -> finalized < 0 ? -1 : Math.max(0, finalized - faults.finalizedLag);
            case BACKWARDS -> finalized < 0 ? -1 : Math.max(0, finalized - random.nextInt(faults.finalizedLag + 1));
        };
    }

    private Answer header(Optional<SimulatedChain.Block> block, Exchange exchange) {
        if (block.isEmpty()) {
            exchange.summaries.add("null");
            return new Result(JsonGenerator::writeNull);
        }
        SimulatedChain.Block found = block.get();
        exchange.summaries.add(found.toString());
        return new Result(generator -> writeHeader(
                generator, found.number(), found.hash(), found.parentHash(), found.timestamp(), found.logsBloom()));
    }

    private static void writeHeader(
            JsonGenerator generator, long number, Hash hash, Hash parentHash, long timestamp, Bytes logsBloom)
            throws IOException {
        generator.writeStartObject();
        generator.writeStringField("number", hex(number));
        generator.writeStringField("hash", hash.toHex());
        generator.writeStringField("parentHash", parentHash.toHex());
        generator.writeStringField("timestamp", hex(timestamp));
        generator.writeStringField("logsBloom", logsBloom.toHex());
        generator.writeArrayFieldStart("transactions");
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private Answer logs(Map<?, ?> filter, Exchange exchange) {
        List<Address> addresses =
                strings(filter.get("address")).stream().map(Address::fromHex).toList();
        List<List<Hash>> topics = new ArrayList<>();
        if (filter.get("topics") instanceof List<?> positions) {
            for (Object position : positions) {
                topics.add(strings(position).stream().map(Hash::fromHex).toList());
            }
        }
        List<RawLog> answer;
        String asked;
        if (filter.get("blockHash") instanceof String hash) {
            Optional<SimulatedChain.Block> block = known(Hash.fromHex(hash));
            if (block.isEmpty()) {
                return new Failure(-32000, "unknown block");
            }
            boolean indexed = block.get().number() <= viewHead() - faults.logIndexLag;
            answer = indexed ? matching(block.get(), addresses, topics) : List.of();
            asked = block.get().toString();
            if (!answer.isEmpty() && random.nextDouble() < faults.emptyLogsByHash) {
                answer = List.of();
            }
        } else {
            if (random.nextDouble() < faults.headerNotFound) {
                return new Failure(-32000, "header not found");
            }
            long head = viewHead();
            long from = blockParam(filter.get("fromBlock"), head);
            long to = blockParam(filter.get("toBlock"), head);
            if (from > to) {
                return new Failure(-32602, "invalid block range params");
            }
            if (to > head) {
                return new Failure(-32000, "block range extends beyond current head block");
            }
            if (faults.maxRange > 0 && to - from + 1 > faults.maxRange) {
                return new Failure(-32602, "block range is too wide (maximum " + faults.maxRange + ")");
            }
            long indexed = Math.min(to, head - faults.logIndexLag);
            answer = new ArrayList<>();
            for (long n = from; n <= indexed; n++) {
                answer.addAll(matching(chain.block(n).orElseThrow(), addresses, topics));
            }
            if (faults.maxResults > 0 && answer.size() > faults.maxResults) {
                return new Failure(-32005, "query returned more than 10000 results");
            }
            answer = lieAboutRange(answer, from, to);
            asked = from + ".." + to;
        }
        markedRemoved.clear();
        answer = lieAboutLogs(answer);
        List<RawLog> served = answer;
        exchange.logs += served.size();
        exchange.summaries.add(asked + ": " + served.size() + " logs");
        return new Result(generator -> {
            generator.writeStartArray();
            for (RawLog log : served) {
                writeLog(generator, log, markedRemoved.contains(log));
            }
            generator.writeEndArray();
        });
    }

    private List<RawLog> lieAboutRange(List<RawLog> honest, long from, long to) {
        if (random.nextDouble() >= faults.outOfRangeLogs) {
            return honest;
        }
        List<RawLog> answer = new ArrayList<>(honest);
        long outside = to + 1 <= viewHead() ? to + 1 : from - 1;
        chain.block(outside).ifPresent(block -> answer.add(fabricated(block, SimulatedChain.VAULT)));
        return answer;
    }

    private List<RawLog> lieAboutLogs(List<RawLog> honest) {
        List<RawLog> answer = new ArrayList<>(honest);
        if (!answer.isEmpty() && random.nextDouble() < faults.foreignAddressLogs) {
            RawLog model = answer.get(random.nextInt(answer.size()));
            answer.add(fabricated(chain.mined(model.meta().blockHash()).orElseThrow(), SimulatedChain.STRANGER));
        }
        if (!answer.isEmpty() && random.nextDouble() < faults.repeatedLogs) {
            int at = random.nextInt(answer.size());
            answer.add(at, answer.get(at));
        }
        if (!answer.isEmpty() && random.nextDouble() < faults.removedLogs) {
            markedRemoved.add(answer.get(random.nextInt(answer.size())));
        }
        if (!answer.isEmpty() && random.nextDouble() < faults.inconsistentLogHashes) {
            int at = random.nextInt(answer.size());
            Hash other = Hash.of(randomBytes(Hash.SIZE));
            answer.set(
                    at,
                    withMeta(
                            answer.get(at),
                            meta -> new LogMeta(
                                    meta.address(),
                                    meta.blockNumber(),
                                    other,
                                    meta.transactionHash(),
                                    meta.transactionIndex(),
                                    meta.logIndex())));
        }
        return answer;
    }

    /** A log that looks real (a handled event in {@code block}) but that the block does not hold. */
    private RawLog fabricated(SimulatedChain.Block block, Address contract) {
        byte[] amount = new byte[32];
        amount[31] = 7;
        LogMeta meta = new LogMeta(
                contract,
                block.number(),
                block.hash(),
                Hash.of(randomBytes(Hash.SIZE)),
                900,
                900 + random.nextInt(100));
        return new RawLog(List.of(SimulatedChain.DEPOSIT_TOPIC, Hash.of(new byte[Hash.SIZE])), Bytes.of(amount), meta);
    }

    private static RawLog withMeta(RawLog log, java.util.function.UnaryOperator<LogMeta> change) {
        return new RawLog(log.topics(), log.data(), change.apply(log.meta()));
    }

    private static List<RawLog> matching(SimulatedChain.Block block, List<Address> addresses, List<List<Hash>> topics) {
        List<RawLog> logs = new ArrayList<>();
        for (RawLog log : block.logs()) {
            if ((addresses.isEmpty() || addresses.contains(log.address())) && topicsMatch(log, topics)) {
                logs.add(log);
            }
        }
        return logs;
    }

    private static boolean topicsMatch(RawLog log, List<List<Hash>> topics) {
        for (int i = 0; i < topics.size(); i++) {
            List<Hash> allowed = topics.get(i);
            if (!allowed.isEmpty() && (i >= log.topicCount() || !allowed.contains(log.topic(i)))) {
                return false;
            }
        }
        return true;
    }

    private static long blockParam(Object value, long head) {
        if (value == null || "latest".equals(value) || "pending".equals(value)) {
            return head;
        }
        return "earliest".equals(value) ? 0 : Long.decode((String) value);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        return ((List<?>) value).stream().map(String.class::cast).toList();
    }

    private static void writeLog(JsonGenerator generator, RawLog log, boolean removed) throws IOException {
        LogMeta meta = log.meta();
        generator.writeStartObject();
        generator.writeStringField("address", meta.address().toHex());
        generator.writeArrayFieldStart("topics");
        for (Hash topic : log.topics()) {
            generator.writeString(topic.toHex());
        }
        generator.writeEndArray();
        generator.writeStringField("data", log.data().toHex());
        generator.writeStringField("blockNumber", hex(meta.blockNumber()));
        generator.writeStringField("blockHash", meta.blockHash().toHex());
        generator.writeStringField("transactionHash", meta.transactionHash().toHex());
        generator.writeStringField("transactionIndex", hex(meta.transactionIndex()));
        generator.writeStringField("logIndex", hex(meta.logIndex()));
        generator.writeBooleanField("removed", removed);
        generator.writeEndObject();
    }

    private static void writeEnvelope(JsonGenerator generator, Long id, Answer answer) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("jsonrpc", "2.0");
        if (id == null) {
            generator.writeNullField("id");
        } else {
            generator.writeNumberField("id", id);
        }
        if (answer instanceof Result result) {
            generator.writeFieldName("result");
            result.writer.write(generator);
        } else {
            Failure failure = (Failure) answer;
            generator.writeObjectFieldStart("error");
            generator.writeNumberField("code", failure.code);
            generator.writeStringField("message", failure.message);
            generator.writeEndObject();
        }
        generator.writeEndObject();
    }

    private static Long id(Object call) {
        return (Long) ((Map<?, ?>) call).get("id");
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static String describe(Object request) {
        if (request instanceof List<?> batch) {
            StringBuilder out = new StringBuilder("batch[");
            for (int i = 0; i < batch.size(); i++) {
                out.append(i == 0 ? "" : " ").append(describeCall(batch.get(i)));
            }
            return out.append(']').toString();
        }
        return describeCall(request);
    }

    private static String describeCall(Object call) {
        Map<?, ?> request = (Map<?, ?>) call;
        List<?> params = (List<?>) request.get("params");
        String method = (String) request.get("method");
        if (params == null || params.isEmpty()) {
            return method;
        }
        Object first = params.get(0);
        String detail;
        if (first instanceof Map<?, ?> filter) {
            detail = filter.containsKey("blockHash")
                    ? String.valueOf(filter.get("blockHash")).substring(0, 10)
                    : decode(filter.get("fromBlock")) + ".." + decode(filter.get("toBlock"));
        } else {
            String text = String.valueOf(first);
            detail = text.length() > 20 ? text.substring(0, 10) : decode(text);
        }
        return method + "(" + detail + ")";
    }

    private static String decode(Object tag) {
        String text = String.valueOf(tag);
        return text.startsWith("0x") ? Long.toString(Long.decode(text)) : text;
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    // Head subscriptions.

    /**
     * Subscribes {@code listener} to new heads: the future is complete when this returns, open or failed as the faults
     * decide.
     */
    public CompletableFuture<NodeConnector.HeadFeed> subscribe(NewHeadsListener listener) {
        callers.checkAlive();
        int caller = callers.caller();
        if (callers.cutOff(caller) || faults.silent || random.nextDouble() < faults.subscribeFailures) {
            trace.add(callers.label() + name + " eth_subscribe(newHeads) -> cannot connect");
            return CompletableFuture.failedFuture(new RpcTransportException(
                    "connect", endpoint, "cannot connect: ConnectException: connection refused", null));
        }
        Subscriber subscriber = new Subscriber("0x" + Integer.toHexString(++subscriptions), listener, caller);
        subscribers.add(subscriber);
        trace.add(callers.label() + name + " eth_subscribe(newHeads) -> " + subscriber.id);
        return CompletableFuture.completedFuture(() -> {
            if (subscribers.remove(subscriber)) {
                listener.onClose();
            }
        });
    }

    private void headChanged() {
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            subscriber.push();
        }
    }

    /** One open subscription and the last head it was sent. */
    private final class Subscriber {
        final String id;
        final NewHeadsListener listener;
        final int caller;
        Hash lastSent;

        Subscriber(String id, NewHeadsListener listener, int caller) {
            this.id = id;
            this.listener = listener;
            this.caller = caller;
        }

        void push() {
            if (faults.subscriptionSilent || callers.cutOff(caller)) {
                return;
            }
            if (random.nextDouble() < faults.subscriptionDrops) {
                subscribers.remove(this);
                trace.add(name + " subscription " + id + " dropped");
                listener.onError(new RpcTransportException(
                        "WebSocket", endpoint, "the WebSocket connection ended: connection reset", null));
                return;
            }
            SimulatedChain.Block head = chain.block(viewHead()).orElseThrow();
            if (head.hash().equals(lastSent)) {
                return;
            }
            lastSent = head.hash();
            boolean absurd = random.nextDouble() < faults.absurdHeads;
            long number = absurd ? ABSURD_NUMBER : head.number();
            Hash hash = absurd ? Hash.of(randomBytes(Hash.SIZE)) : head.hash();
            byte[] notification = write(generator -> {
                generator.writeStartObject();
                generator.writeStringField("jsonrpc", "2.0");
                generator.writeStringField("method", "eth_subscription");
                generator.writeObjectFieldStart("params");
                generator.writeStringField("subscription", id);
                generator.writeFieldName("result");
                writeHeader(generator, number, hash, head.parentHash(), head.timestamp(), head.logsBloom());
                generator.writeEndObject();
                generator.writeEndObject();
            });
            trace.add(name + " newHeads " + id + " -> " + (absurd ? "block " + number : head.toString()));
            listener.onHead(InProcessRpcClient.readHeadNotification(notification, endpoint));
        }
    }

    @Override
    public String toString() {
        return name + "[" + endpoint + ", view head " + viewHead() + "]";
    }
}
