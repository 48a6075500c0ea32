package io.chainwire.stream.simulation;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.Topics;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A chain in memory: blocks with number, hash, parent hash, timestamp, logs and logs bloom, a finalized block, and
 * reorganisations that replace the newest blocks with a new branch. Orphaned blocks stay retrievable by hash for a
 * while, as real nodes keep side chains. Logs come from two contracts a stream watches and one it does not, with two
 * events the simulation's handler takes (one in a few with data that does not decode) and one it does not.
 *
 * <p>The chain never reorganises at or below its finalized block. Used by one thread at a time.
 */
public final class SimulatedChain {
    /** A contract the stream watches. */
    public static final Address VAULT = Address.fromHex("0x00000000000000000000000000000000000a11ce");
    /** Another contract the stream watches. */
    public static final Address POOL = Address.fromHex("0x0000000000000000000000000000000000000b0b");
    /** A contract the stream does not watch, emitting the same events. */
    public static final Address STRANGER = Address.fromHex("0x000000000000000000000000000000000000dead");
    /** A handled event: {@code Deposit(address indexed account, uint256 amount)}. */
    public static final String DEPOSIT = "Deposit(address,uint256)";
    /** A handled event: {@code Withdrawal(address indexed account, uint256 amount)}. */
    public static final String WITHDRAWAL = "Withdrawal(address,uint256)";
    /** An event no handler takes: {@code Noise(uint256 value)}. */
    public static final String NOISE = "Noise(uint256)";

    public static final Hash DEPOSIT_TOPIC = Hash.keccak256(DEPOSIT);
    public static final Hash WITHDRAWAL_TOPIC = Hash.keccak256(WITHDRAWAL);
    public static final Hash NOISE_TOPIC = Hash.keccak256(NOISE);
    /** The events the simulation's handler takes. */
    public static final Set<Hash> HANDLED_TOPICS = Set.of(DEPOSIT_TOPIC, WITHDRAWAL_TOPIC);
    /** The contracts a stream watches. */
    public static final List<Address> WATCHED = List.of(VAULT, POOL);

    private static final long GENESIS_TIME = 1_700_000_000L;
    private static final long BLOCK_SECONDS = 12;

    /**
     * How a chain looks.
     *
     * @param chainId the chain id nodes report
     * @param finalityDistance how far the finalized block follows the head; -1 for a chain that does not finalize (the
     *     nodes serve no finalized block)
     * @param busyShare the share of blocks with transactions
     * @param undecodableShare the share of handled events whose data does not decode
     * @param orphanRetention how many blocks an orphaned block stays retrievable by hash
     */
    public record Settings(
            long chainId, int finalityDistance, double busyShare, double undecodableShare, int orphanRetention) {}

    /**
     * A block.
     *
     * @param logs all its logs, in log-index order
     * @param logsBloom the bloom of its logs
     */
    public record Block(long number, Hash hash, Hash parentHash, long timestamp, List<RawLog> logs, Bytes logsBloom) {
        @Override
        public String toString() {
            return "block " + number + " (" + hash.toHex().substring(0, 10) + ")";
        }
    }

    private final Settings settings;
    private final Random random;
    private final List<Block> canonical = new ArrayList<>();
    // Every block ever mined, for the oracle; nodes serve only those not forgotten.
    private final Map<Hash, Block> mined = new HashMap<>();
    // Orphaned blocks nodes still serve by hash, with the head number at which they are forgotten.
    private final Map<Hash, Long> orphans = new LinkedHashMap<>();
    private final List<Runnable> headListeners = new ArrayList<>();
    private long finalized = -1;
    private int reorgs;

    /** Creates a chain holding its genesis block. */
    public SimulatedChain(Settings settings, Random random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        append(0, Hash.of(new byte[Hash.SIZE]), List.of());
    }

    /** Returns the chain id. */
    public long chainId() {
        return settings.chainId;
    }

    /** Calls {@code listener} after every change of the head: a new block or a reorganisation. */
    public void onNewHead(Runnable listener) {
        headListeners.add(listener);
    }

    /** Mines {@code count} blocks. */
    public void mine(int count) {
        for (int i = 0; i < count; i++) {
            mineQuietly(List.of());
            headChanged();
        }
    }

    /** Mines one block. */
    public Block mine() {
        mine(1);
        return head();
    }

    /**
     * Replaces the newest {@code depth} blocks with a new branch one block longer, which includes about half of the
     * orphaned transactions again, and returns the orphaned blocks, newest first.
     *
     * @throws IllegalArgumentException if the reorganisation would reach the finalized block or genesis
     */
    public List<Block> reorg(int depth) {
        if (depth < 1 || depth > reorgRoom()) {
            throw new IllegalArgumentException(
                    "cannot reorganise " + depth + " blocks: head " + head().number + ", finalized " + finalized);
        }
        List<Block> orphaned = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            Block removed = canonical.remove(canonical.size() - 1);
            orphaned.add(removed);
            orphans.put(removed.hash, removed.number + depth + settings.orphanRetention);
        }
        List<List<RawLog>> pending = new ArrayList<>();
        for (Block block : orphaned) {
            pending.addAll(transactions(block.logs));
        }
        List<List<RawLog>> again = new ArrayList<>();
        for (List<RawLog> transaction : pending) {
            if (random.nextBoolean()) {
                again.add(transaction);
            }
        }
        Collections.shuffle(again, random);
        reorgs++;
        int length = depth + 1;
        for (int i = 0; i < length; i++) {
            int from = again.size() * i / length;
            int to = again.size() * (i + 1) / length;
            mineQuietly(again.subList(from, to));
        }
        headChanged();
        return orphaned;
    }

    /** Returns the deepest reorganisation the chain allows now: down to just above the finalized block. */
    public int reorgRoom() {
        return (int) Math.max(0, head().number - Math.max(0, finalized));
    }

    /** Returns how many reorganisations happened. */
    public int reorgs() {
        return reorgs;
    }

    /** Moves the finalized block up to {@code number} (never down, never above the head). */
    public void finalizeUpTo(long number) {
        finalized = Math.max(finalized, Math.min(number, head().number));
    }

    /** Returns the finalized block number, or -1 if no block is finalized. */
    public long finalized() {
        return finalized;
    }

    /** Returns true if the chain finalizes blocks at all. */
    public boolean finalizes() {
        return settings.finalityDistance >= 0;
    }

    /** Returns the newest block. */
    public Block head() {
        return canonical.get(canonical.size() - 1);
    }

    /** Returns the canonical block numbered {@code number}, if the chain is that long. */
    public Optional<Block> block(long number) {
        return number >= 0 && number < canonical.size() ? Optional.of(canonical.get((int) number)) : Optional.empty();
    }

    /** Returns the block with {@code hash} as a node serves it: canonical, or orphaned and not yet forgotten. */
    public Optional<Block> byHash(Hash hash) {
        return mined(hash).filter(block -> isCanonical(hash) || orphans.containsKey(hash));
    }

    /** Returns the block with {@code hash} if it was ever mined, even if it was orphaned long ago. */
    public Optional<Block> mined(Hash hash) {
        return Optional.ofNullable(mined.get(hash));
    }

    /** Returns true if the block with {@code hash} is on the canonical chain. */
    public boolean isCanonical(Hash hash) {
        Block block = mined.get(hash);
        return block != null && block.number < canonical.size() && canonical.get((int) block.number) == block;
    }

    /** Returns true if {@code log} is one a stream on the watched contracts and handled events asks for. */
    public static boolean watched(RawLog log) {
        return WATCHED.contains(log.address()) && log.topicCount() > 0 && HANDLED_TOPICS.contains(log.topic(0));
    }

    /** Returns the canonical logs a stream asks for, of blocks {@code from} to {@code to}, in chain order. */
    public List<RawLog> watchedLogs(long from, long to) {
        List<RawLog> logs = new ArrayList<>();
        for (long n = Math.max(0, from); n <= to && n < canonical.size(); n++) {
            for (RawLog log : canonical.get((int) n).logs) {
                if (watched(log)) {
                    logs.add(log);
                }
            }
        }
        return logs;
    }

    private void headChanged() {
        for (Runnable listener : List.copyOf(headListeners)) {
            listener.run();
        }
    }

    private void mineQuietly(List<List<RawLog>> included) {
        Block parent = head();
        List<List<RawLog>> transactions = new ArrayList<>(included);
        if (random.nextDouble() < settings.busyShare) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                transactions.add(newTransaction());
            }
        }
        append(parent.number + 1, parent.hash, transactions);
        if (settings.finalityDistance >= 0) {
            finalizeUpTo(head().number - settings.finalityDistance);
        }
        forgetOrphans();
    }

    private void append(long number, Hash parentHash, List<List<RawLog>> transactions) {
        Hash hash = randomHash();
        List<RawLog> logs = new ArrayList<>();
        for (int t = 0; t < transactions.size(); t++) {
            Hash transaction = transactions.get(t).get(0).meta().transactionHash();
            for (RawLog template : transactions.get(t)) {
                LogMeta meta = new LogMeta(template.address(), number, hash, transaction, t, logs.size());
                logs.add(new RawLog(template.topics(), template.data(), meta));
            }
        }
        Block block = new Block(
                number, hash, parentHash, GENESIS_TIME + number * BLOCK_SECONDS, List.copyOf(logs), LogsBloom.of(logs));
        canonical.add(block);
        mined.put(hash, block);
    }

    private void forgetOrphans() {
        long head = head().number;
        var oldest = orphans.entrySet().iterator();
        while (oldest.hasNext()) {
            var entry = oldest.next();
            if (entry.getValue() <= head) {
                oldest.remove();
            }
        }
    }

    /** A new transaction's logs, as templates: their position is set when a block includes them. */
    private List<RawLog> newTransaction() {
        Hash transaction = randomHash();
        int count = 1 + random.nextInt(3);
        List<RawLog> logs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double pick = random.nextDouble();
            Address contract = pick < 0.4 ? VAULT : pick < 0.7 ? POOL : STRANGER;
            double kind = random.nextDouble();
            Hash topic0 = kind < 0.4 ? DEPOSIT_TOPIC : kind < 0.75 ? WITHDRAWAL_TOPIC : NOISE_TOPIC;
            Bytes data = topic0 != NOISE_TOPIC && random.nextDouble() < settings.undecodableShare
                    ? Bytes.of(new byte[] {1, 2, 3, 4, 5})
                    : amount();
            List<Hash> topics = topic0 == NOISE_TOPIC
                    ? List.of(topic0)
                    : List.of(topic0, Topics.address(Address.of(randomBytes(Address.SIZE))));
            logs.add(new RawLog(topics, data, new LogMeta(contract, 0, transaction, transaction, 0, 0)));
        }
        return logs;
    }

    private Bytes amount() {
        byte[] word = new byte[32];
        byte[] value = BigInteger.valueOf(1 + random.nextInt(1_000_000)).toByteArray();
        System.arraycopy(value, 0, word, 32 - value.length, value.length);
        return Bytes.of(word);
    }

    private Hash randomHash() {
        return Hash.of(randomBytes(Hash.SIZE));
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Groups a block's logs by transaction, in order, as templates to include again. */
    private static List<List<RawLog>> transactions(List<RawLog> logs) {
        Map<Hash, List<RawLog>> byTransaction = new LinkedHashMap<>();
        for (RawLog log : logs) {
            byTransaction
                    .computeIfAbsent(log.meta().transactionHash(), key -> new ArrayList<>())
                    .add(log);
        }
        return new ArrayList<>(byTransaction.values());
    }

    @Override
    public String toString() {
        return "SimulatedChain[chain " + settings.chainId + ", head " + head() + ", finalized " + finalized + ", "
                + reorgs + " reorganisations]";
    }
}
