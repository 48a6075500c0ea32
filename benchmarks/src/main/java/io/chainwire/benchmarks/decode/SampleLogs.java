package io.chainwire.benchmarks.decode;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.Topics;
import io.chainwire.benchmarks.contracts.Erc1155;
import io.chainwire.benchmarks.contracts.Erc20;
import io.chainwire.benchmarks.contracts.PublicResolver;
import io.chainwire.benchmarks.contracts.Settlement;
import io.chainwire.benchmarks.contracts.UniswapV3Pool;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The logs every decode benchmark reads: {@link #COUNT} different logs per event, with values of the sizes real chains
 * carry (18-decimal amounts, Uniswap prices and ticks, batches of one to eight tokens, ENS text records), from a fixed
 * seed so that every run decodes the same bytes. Topics are built by the ABI rules and data encoded by web3j's encoder.
 */
public final class SampleLogs {
    /** Logs per shape; a power of two, so that benchmarks can cycle through them with a mask. */
    public static final int COUNT = 16;

    private static final List<String> TEXT_KEYS =
            List.of("avatar", "url", "com.twitter", "com.github", "description", "email", "org.telegram");
    private static final List<String> TEXT_VALUES = List.of(
            "https://example.org",
            "eip155:1/erc721:0xb47e3cd837ddf8e4c57f05d70ab865de6e193bbb/1234",
            "vitalik_fan",
            "Builder of small, sharp tools. Coffee first, then consensus. Previously: compilers, databases.",
            "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
            "Café ☕ · Zürich · 日本語も少し · gm 🌅",
            "hello@example.com",
            "");

    private SampleLogs() {}

    /** Returns ERC-20 {@code Transfer} logs of USDC-sized and 18-decimal amounts. */
    public static List<RawLog> transfers() {
        return logs(1, Address.fromHex("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"), random -> {
            BigInteger value = random.nextInt(8) == 0
                    ? BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)
                    : new BigInteger(20 + random.nextInt(80), random);
            return new Shape(
                    List.of(Erc20.Transfer.TOPIC0, Topics.address(address(random)), Topics.address(address(random))),
                    List.of(new Uint256(value)));
        });
    }

    /** Returns Uniswap V3 {@code Swap} logs: opposite-signed amounts, Q64.96 prices, ticks of either sign. */
    public static List<RawLog> swaps() {
        return logs(2, Address.fromHex("0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640"), random -> {
            BigInteger amount = new BigInteger(30 + random.nextInt(70), random).add(BigInteger.ONE);
            BigInteger other = new BigInteger(30 + random.nextInt(70), random).add(BigInteger.ONE);
            boolean zeroIn = random.nextBoolean();
            return new Shape(
                    List.of(
                            UniswapV3Pool.Swap.TOPIC0,
                            Topics.address(address(random)),
                            Topics.address(address(random))),
                    List.of(
                            new Int256(zeroIn ? amount : amount.negate()),
                            new Int256(zeroIn ? other.negate() : other),
                            new Uint160(new BigInteger(64 + random.nextInt(96), random)),
                            new Uint128(new BigInteger(40 + random.nextInt(88), random)),
                            new Int24(BigInteger.valueOf(random.nextInt(-887_272, 887_273)))));
        });
    }

    /** Returns ERC-1155 {@code TransferBatch} logs of one to eight token ids and amounts. */
    public static List<RawLog> transferBatches() {
        return logs(3, Address.fromHex("0x76be3b62873462d2142405439777e971754e8e77"), random -> {
            int size = 1 + random.nextInt(8);
            List<Uint256> ids = new ArrayList<>();
            List<Uint256> values = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ids.add(new Uint256(
                        random.nextInt(4) == 0
                                ? new BigInteger(256, random)
                                : BigInteger.valueOf(random.nextInt(20_000))));
                values.add(new Uint256(BigInteger.valueOf(1 + random.nextInt(1_000))));
            }
            return new Shape(
                    List.of(
                            Erc1155.TransferBatch.TOPIC0,
                            Topics.address(address(random)),
                            Topics.address(address(random)),
                            Topics.address(address(random))),
                    List.of(new DynamicArray<>(Uint256.class, ids), new DynamicArray<>(Uint256.class, values)));
        });
    }

    /** Returns {@code BatchSettled} logs: one to four orders of one to three legs each. */
    public static List<RawLog> batchSettlements() {
        return logs(4, Address.fromHex("0x9008d19f58aabd9ed0d60971565aa8510560ab41"), random -> {
            List<Web3jEvents.Order> orders = new ArrayList<>();
            int size = 1 + random.nextInt(4);
            for (int i = 0; i < size; i++) {
                List<Web3jEvents.Leg> legs = new ArrayList<>();
                int legCount = 1 + random.nextInt(3);
                for (int j = 0; j < legCount; j++) {
                    BigInteger amount = new BigInteger(40 + random.nextInt(60), random);
                    legs.add(new Web3jEvents.Leg(
                            address(random).toHex(), random.nextBoolean() ? amount : amount.negate()));
                }
                orders.add(new Web3jEvents.Order(
                        address(random).toHex(), new BigInteger(1 + random.nextInt(64), random), legs));
            }
            return new Shape(
                    List.of(
                            Settlement.BatchSettled.TOPIC0,
                            Topics.unsigned(new BigInteger(1 + random.nextInt(40), random), 256)),
                    List.of(new DynamicArray<>(Web3jEvents.Order.class, orders)));
        });
    }

    /** Returns ENS {@code TextChanged} logs: record keys and values from empty to a hundred bytes. */
    public static List<RawLog> textChanges() {
        return logs(5, Address.fromHex("0x231b0ee14048e9dccd1d247744d114a4eb5e8e63"), random -> {
            String key = TEXT_KEYS.get(random.nextInt(TEXT_KEYS.size()));
            String value = TEXT_VALUES.get(random.nextInt(TEXT_VALUES.size()));
            return new Shape(
                    List.of(PublicResolver.TextChanged.TOPIC0, hash(random), Topics.string(key)),
                    List.of(new Utf8String(key), new Utf8String(value)));
        });
    }

    /** The topics and the ABI values of one log's data ({@link Type} is raw in web3j's own API). */
    @SuppressWarnings("rawtypes")
    private record Shape(List<Hash> topics, List<Type> data) {}

    private static List<RawLog> logs(long seed, Address contract, Function<Random, Shape> shapes) {
        Random random = new Random(seed);
        List<RawLog> logs = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            Shape shape = shapes.apply(random);
            LogMeta meta = new LogMeta(
                    contract,
                    21_000_000L + 3L * i,
                    hash(random),
                    hash(random),
                    random.nextInt(300),
                    random.nextInt(800));
            logs.add(new RawLog(shape.topics(), Bytes.fromHex(FunctionEncoder.encodeConstructor(shape.data())), meta));
        }
        return List.copyOf(logs);
    }

    private static Address address(Random random) {
        byte[] bytes = new byte[Address.SIZE];
        random.nextBytes(bytes);
        return Address.of(bytes);
    }

    private static Hash hash(Random random) {
        byte[] bytes = new byte[Hash.SIZE];
        random.nextBytes(bytes);
        return Hash.of(bytes);
    }
}
