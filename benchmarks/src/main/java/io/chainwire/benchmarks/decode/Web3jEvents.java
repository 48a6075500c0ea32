package io.chainwire.benchmarks.decode;

import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.EventValues;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.reflection.Parameterized;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The benchmarked events as web3j 5 describes them: the {@link Event} constants and struct classes that web3j's code
 * generator writes for the same ABIs (see {@code src/main/abi}), and the conversion of a log to web3j's {@link Log}, as
 * its JSON-RPC client would have parsed it.
 */
public final class Web3jEvents {
    /** {@code Transfer(address indexed from, address indexed to, uint256 value)}. */
    public static final Event TRANSFER = new Event(
            "Transfer",
            List.of(
                    new TypeReference<Address>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Uint256>() {}));

    /** Uniswap V3's {@code Swap}: two indexed addresses, then int256, int256, uint160, uint128, int24. */
    public static final Event SWAP = new Event(
            "Swap",
            List.of(
                    new TypeReference<Address>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Int256>() {},
                    new TypeReference<Int256>() {},
                    new TypeReference<Uint160>() {},
                    new TypeReference<Uint128>() {},
                    new TypeReference<Int24>() {}));

    /** ERC-1155's {@code TransferBatch}: three indexed addresses, then {@code uint256[] ids, uint256[] values}. */
    public static final Event TRANSFER_BATCH = new Event(
            "TransferBatch",
            List.of(
                    new TypeReference<Address>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<DynamicArray<Uint256>>() {},
                    new TypeReference<DynamicArray<Uint256>>() {}));

    /** {@code BatchSettled(uint256 indexed batchId, Order[] orders)}, each order holding a {@code Leg[]}. */
    public static final Event BATCH_SETTLED = new Event(
            "BatchSettled", List.of(new TypeReference<Uint256>(true) {}, new TypeReference<DynamicArray<Order>>() {}));

    /** ENS's {@code TextChanged(bytes32 indexed node, string indexed indexedKey, string key, string value)}. */
    public static final Event TEXT_CHANGED = new Event(
            "TextChanged",
            List.of(
                    new TypeReference<Bytes32>(true) {},
                    new TypeReference<Utf8String>(true) {},
                    new TypeReference<Utf8String>() {},
                    new TypeReference<Utf8String>() {}));

    private Web3jEvents() {}

    /**
     * Decodes {@code log} with web3j's {@link FunctionReturnDecoder}, as code that does not go through a generated
     * wrapper would: topic 0 compared with {@code topic0}, computed once by the caller, then the data and each indexed
     * topic decoded. {@code Contract.staticExtractEventParameters} does the same but hashes the event signature again
     * on every call.
     *
     * @return the values, or null if topic 0 is not the event's
     */
    @SuppressWarnings("rawtypes") // web3j's decoder returns raw Types
    public static EventValues decode(Event event, String topic0, Log log) {
        List<String> topics = log.getTopics();
        if (topics.isEmpty() || !topic0.equals(topics.get(0))) {
            return null;
        }
        List<Type> nonIndexed = FunctionReturnDecoder.decode(log.getData(), event.getNonIndexedParameters());
        List<TypeReference<Type>> indexedTypes = event.getIndexedParameters();
        List<Type> indexed = new ArrayList<>(indexedTypes.size());
        for (int i = 0; i < indexedTypes.size(); i++) {
            indexed.add(FunctionReturnDecoder.decodeIndexedValue(topics.get(i + 1), indexedTypes.get(i)));
        }
        return new EventValues(indexed, nonIndexed);
    }

    /** Returns topic 0 of {@code event} in web3j's form, {@code 0x} and 64 lowercase hex digits. */
    public static String topic0(Event event) {
        return EventEncoder.encode(event);
    }

    /** Returns {@code log} as web3j's JSON-RPC client gives it: every field a hex string. */
    public static Log log(RawLog log) {
        LogMeta meta = log.meta();
        return new Log(
                false, // the runtime refuses a log marked removed as it reads a node's answer
                quantity(meta.logIndex()),
                quantity(meta.transactionIndex()),
                meta.transactionHash().toHex(),
                meta.blockHash().toHex(),
                quantity(meta.blockNumber()),
                meta.address().toHex(),
                log.data().toHex(),
                null,
                log.topics().stream().map(Hash::toHex).toList());
    }

    private static String quantity(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** The {@code Settlement.Leg} struct, {@code (address token, int256 amount)}, as web3j generates it. */
    public static final class Leg extends StaticStruct {
        /** The token, as web3j's hex string. */
        public final String token;
        /** The signed amount. */
        public final BigInteger amount;

        /** Creates the struct from plain values, as application code would. */
        public Leg(String token, BigInteger amount) {
            super(new Address(160, token), new Int256(amount));
            this.token = token;
            this.amount = amount;
        }

        /** Creates the struct from ABI values; web3j's decoder calls this constructor reflectively. */
        public Leg(Address token, Int256 amount) {
            super(token, amount);
            this.token = token.getValue();
            this.amount = amount.getValue();
        }
    }

    /**
     * The {@code Settlement.Order} struct, {@code (address trader, uint64 nonce, Leg[] legs)}, as web3j generates it.
     */
    public static final class Order extends DynamicStruct {
        /** The trader, as web3j's hex string. */
        public final String trader;
        /** The order nonce. */
        public final BigInteger nonce;
        /** The legs of the order. */
        public final List<Leg> legs;

        /** Creates the struct from plain values, as application code would. */
        public Order(String trader, BigInteger nonce, List<Leg> legs) {
            super(new Address(160, trader), new Uint64(nonce), new DynamicArray<>(Leg.class, legs));
            this.trader = trader;
            this.nonce = nonce;
            this.legs = legs;
        }

        /** Creates the struct from ABI values; web3j's decoder calls this constructor reflectively. */
        public Order(Address trader, Uint64 nonce, @Parameterized(type = Leg.class) DynamicArray<Leg> legs) {
            super(trader, nonce, legs);
            this.trader = trader.getValue();
            this.nonce = nonce.getValue();
            this.legs = legs.getValue();
        }
    }
}
