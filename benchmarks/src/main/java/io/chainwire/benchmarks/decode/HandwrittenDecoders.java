package io.chainwire.benchmarks.decode;

import io.chainwire.abi.AbiDecoder;
import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.Indexed;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.internal.ValueAccess;
import io.chainwire.benchmarks.contracts.Erc1155;
import io.chainwire.benchmarks.contracts.Erc20;
import io.chainwire.benchmarks.contracts.PublicResolver;
import io.chainwire.benchmarks.contracts.Settlement;
import io.chainwire.benchmarks.contracts.UniswapV3Pool;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The decode benchmarks' hand-written baseline: one straight-line decoder per benchmarked event, written for that event
 * alone, returning the same records as the generated code.
 *
 * <p>It has the same access as {@link AbiDecoder}: through {@link ValueAccess}, which chainwire-abi exports to this
 * module ({@code io.chainwire.benchmarks}) and the runtime alone, it reads the log's byte arrays in place and builds
 * values without defensive copies. To be a fair ceiling it checks what a careful hand-written decoder must: topic count
 * and topic 0, that every word it reads is present, zero padding of addresses and narrow integers, and that offsets and
 * lengths stay inside the data. It does not keep {@link AbiDecoder}'s read budget, which only matters for adversarial
 * logs whose offsets overlap. It uses the same word-wide tricks as the runtime (padding compared with
 * {@link Arrays#equals} a word at a time, integers that fit a {@code long} built with {@link BigInteger#valueOf}), so
 * the comparison measures what generated code costs, not which tricks each side knows.
 */
public final class HandwrittenDecoders {
    private static final int WORD = 32;
    private static final byte[] ZEROS = new byte[WORD];
    private static final byte[] ONES = new byte[] {
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1
    };
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final ValueAccess VALUES = ValueAccess.get();

    private HandwrittenDecoders() {}

    /** Decodes ERC-20 {@code Transfer(address indexed from, address indexed to, uint256 value)}. */
    public static Erc20.Transfer transfer(RawLog log) {
        byte[] data = data(log, Erc20.Transfer.TOPIC0, 3, WORD);
        return new Erc20.Transfer(address(topic(log, 1), 0), address(topic(log, 2), 0), unsigned(data, 0), log.meta());
    }

    /** Decodes Uniswap V3 {@code Swap}: int256, int256, uint160, uint128 and int24 after two indexed addresses. */
    public static UniswapV3Pool.Swap swap(RawLog log) {
        byte[] data = data(log, UniswapV3Pool.Swap.TOPIC0, 3, 5 * WORD);
        return new UniswapV3Pool.Swap(
                address(topic(log, 1), 0),
                address(topic(log, 2), 0),
                signed(data, 0),
                signed(data, WORD),
                unsigned(data, 2 * WORD, 160),
                unsigned(data, 3 * WORD, 128),
                int24(data, 4 * WORD),
                log.meta());
    }

    /** Decodes ERC-1155 {@code TransferBatch}: three indexed addresses, then two {@code uint256[]}. */
    public static Erc1155.TransferBatch transferBatch(RawLog log) {
        byte[] data = data(log, Erc1155.TransferBatch.TOPIC0, 4, 2 * WORD);
        return new Erc1155.TransferBatch(
                address(topic(log, 1), 0),
                address(topic(log, 2), 0),
                address(topic(log, 3), 0),
                uint256Array(data, offset(data, 0, 0, 2 * WORD)),
                uint256Array(data, offset(data, 0, WORD, 2 * WORD)),
                log.meta());
    }

    /** Decodes {@code BatchSettled(uint256 indexed batchId, Order[] orders)}, orders holding {@code Leg[]}. */
    public static Settlement.BatchSettled batchSettled(RawLog log) {
        byte[] data = data(log, Settlement.BatchSettled.TOPIC0, 2, WORD);
        int ordersAt = offset(data, 0, 0, WORD);
        int orderCount = length(data, ordersAt, WORD);
        int base = ordersAt + WORD;
        Settlement.Order[] orders = new Settlement.Order[orderCount];
        for (int i = 0; i < orderCount; i++) {
            int order = offset(data, base, base + i * WORD, orderCount * WORD);
            int legsAt = offset(data, order, order + 2 * WORD, 3 * WORD);
            int legCount = length(data, legsAt, 2 * WORD);
            Settlement.Leg[] legs = new Settlement.Leg[legCount];
            for (int j = 0; j < legCount; j++) {
                int leg = legsAt + WORD + j * 2 * WORD;
                legs[j] = new Settlement.Leg(address(data, leg), signed(data, leg + WORD));
            }
            orders[i] = new Settlement.Order(address(data, order), unsigned(data, order + WORD, 64), list(legs));
        }
        return new Settlement.BatchSettled(unsigned(topic(log, 1), 0), list(orders), log.meta());
    }

    /** Decodes ENS {@code TextChanged(bytes32 indexed node, string indexed indexedKey, string key, string value)}. */
    public static PublicResolver.TextChanged textChanged(RawLog log) {
        byte[] data = data(log, PublicResolver.TextChanged.TOPIC0, 3, 2 * WORD);
        return new PublicResolver.TextChanged(
                VALUES.bytes(topic(log, 1)),
                Indexed.ofHash(log.topic(2)),
                string(data, offset(data, 0, 0, 2 * WORD)),
                string(data, offset(data, 0, WORD, 2 * WORD)),
                log.meta());
    }

    private static byte[] data(RawLog log, Hash topic0, int topicCount, int minimumSize) {
        if (log.topicCount() != topicCount || !Arrays.equals(topic(log, 0), VALUES.array(topic0))) {
            throw new AbiDecodingException(topic0.toHex(), null, "wrong topics");
        }
        byte[] data = VALUES.array(log.data());
        if (data.length < minimumSize) {
            throw malformed("data shorter than the head");
        }
        return data;
    }

    private static byte[] topic(RawLog log, int index) {
        return VALUES.array(log.topic(index));
    }

    private static Address address(byte[] word, int pos) {
        requireZero(word, pos, pos + 12);
        return VALUES.address(Arrays.copyOfRange(word, pos + 12, pos + WORD));
    }

    /** Reads a {@code uint<bits>} narrower than 256 bits: its high-order bytes must be zero. */
    private static BigInteger unsigned(byte[] data, int pos, int bits) {
        requireZero(data, pos, pos + WORD - bits / 8);
        return unsigned(data, pos);
    }

    private static BigInteger unsigned(byte[] word, int pos) {
        long low = (long) LONGS.get(word, pos + 24);
        return low >= 0 && Arrays.equals(word, pos, pos + 24, ZEROS, 0, 24)
                ? BigInteger.valueOf(low)
                : new BigInteger(1, word, pos, WORD);
    }

    private static BigInteger signed(byte[] data, int pos) {
        long low = (long) LONGS.get(data, pos + 24);
        return Arrays.equals(data, pos, pos + 24, low >= 0 ? ZEROS : ONES, 0, 24)
                ? BigInteger.valueOf(low)
                : new BigInteger(data, pos, WORD);
    }

    private static int int24(byte[] data, int pos) {
        int value = (data[pos + 29] << 16) | ((data[pos + 30] & 0xff) << 8) | (data[pos + 31] & 0xff);
        if (!Arrays.equals(data, pos, pos + 29, value < 0 ? ONES : ZEROS, 0, 29)) {
            throw malformed("int24 out of range");
        }
        return value;
    }

    private static List<BigInteger> uint256Array(byte[] data, int pos) {
        int length = length(data, pos, WORD);
        BigInteger[] values = new BigInteger[length];
        for (int i = 0; i < length; i++) {
            values[i] = unsigned(data, pos + WORD + i * WORD);
        }
        return list(values);
    }

    private static String string(byte[] data, int pos) {
        int length = smallInt(data, pos);
        int padded = (length + WORD - 1) & -WORD;
        if (padded > data.length - pos - WORD) {
            throw malformed("string longer than the data");
        }
        requireZero(data, pos + WORD + length, pos + WORD + padded);
        return new String(data, pos + WORD, length, StandardCharsets.UTF_8);
    }

    /**
     * Reads the offset at {@code pos} of a tuple or array starting at {@code base} with a head of {@code headSize}
     * bytes.
     */
    private static int offset(byte[] data, int base, int pos, int headSize) {
        int offset = smallInt(data, pos);
        if (offset < headSize || base + offset > data.length - WORD) {
            throw malformed("offset out of range");
        }
        return base + offset;
    }

    /** Reads the length of an array at {@code pos} whose elements take {@code elementSize} bytes each. */
    private static int length(byte[] data, int pos, int elementSize) {
        int length = smallInt(data, pos);
        if (length > (data.length - pos - WORD) / elementSize) {
            throw malformed("array longer than the data");
        }
        return length;
    }

    private static int smallInt(byte[] data, int pos) {
        if (pos < 0 || pos > data.length - WORD) {
            throw malformed("word out of range");
        }
        requireZero(data, pos, pos + 28);
        int value = ((data[pos + 28] & 0xff) << 24)
                | ((data[pos + 29] & 0xff) << 16)
                | ((data[pos + 30] & 0xff) << 8)
                | (data[pos + 31] & 0xff);
        if (value < 0) {
            throw malformed("offset or length too large");
        }
        return value;
    }

    private static void requireZero(byte[] bytes, int from, int to) {
        if (!Arrays.equals(bytes, from, to, ZEROS, 0, to - from)) {
            throw malformed("non-zero padding");
        }
    }

    private static <T> List<T> list(T[] elements) {
        return Collections.unmodifiableList(Arrays.asList(elements));
    }

    private static AbiDecodingException malformed(String reason) {
        return new AbiDecodingException("hand-written decoder", null, reason);
    }
}
