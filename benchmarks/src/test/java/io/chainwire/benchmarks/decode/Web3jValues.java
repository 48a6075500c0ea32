package io.chainwire.benchmarks.decode;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.Indexed;
import io.chainwire.abi.LogMeta;
import io.chainwire.benchmarks.contracts.Erc1155;
import io.chainwire.benchmarks.contracts.Erc20;
import io.chainwire.benchmarks.contracts.PublicResolver;
import io.chainwire.benchmarks.contracts.Settlement;
import io.chainwire.benchmarks.contracts.UniswapV3Pool;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventValues;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Turns what web3j decoded into chainwire's records, so that a test can compare web3j's values with chainwire's and the
 * hand-written decoder's. The log's position comes from web3j's {@link Log}.
 */
final class Web3jValues {
    private Web3jValues() {}

    static Erc20.Transfer transfer(EventValues values, Log log) {
        return new Erc20.Transfer(
                address(indexed(values, 0)), address(indexed(values, 1)), integer(data(values, 0)), meta(log));
    }

    static UniswapV3Pool.Swap swap(EventValues values, Log log) {
        return new UniswapV3Pool.Swap(
                address(indexed(values, 0)),
                address(indexed(values, 1)),
                integer(data(values, 0)),
                integer(data(values, 1)),
                integer(data(values, 2)),
                integer(data(values, 3)),
                integer(data(values, 4)).intValueExact(),
                meta(log));
    }

    static Erc1155.TransferBatch transferBatch(EventValues values, Log log) {
        return new Erc1155.TransferBatch(
                address(indexed(values, 0)),
                address(indexed(values, 1)),
                address(indexed(values, 2)),
                integers(data(values, 0)),
                integers(data(values, 1)),
                meta(log));
    }

    static Settlement.BatchSettled batchSettled(EventValues values, Log log) {
        List<Settlement.Order> orders = elements(data(values, 0)).stream()
                .map(Web3jEvents.Order.class::cast)
                .map(order -> new Settlement.Order(
                        Address.fromHex(order.trader),
                        order.nonce,
                        order.legs.stream()
                                .map(leg -> new Settlement.Leg(Address.fromHex(leg.token), leg.amount))
                                .toList()))
                .toList();
        return new Settlement.BatchSettled(integer(indexed(values, 0)), orders, meta(log));
    }

    static PublicResolver.TextChanged textChanged(EventValues values, Log log) {
        return new PublicResolver.TextChanged(
                Bytes.of((byte[]) indexed(values, 0).getValue()),
                Indexed.ofHash(Hash.of((byte[]) indexed(values, 1).getValue())),
                (String) data(values, 0).getValue(),
                (String) data(values, 1).getValue(),
                meta(log));
    }

    private static LogMeta meta(Log log) {
        return new LogMeta(
                Address.fromHex(log.getAddress()),
                log.getBlockNumber().longValueExact(),
                Hash.fromHex(log.getBlockHash()),
                Hash.fromHex(log.getTransactionHash()),
                log.getTransactionIndex().intValueExact(),
                log.getLogIndex().intValueExact());
    }

    @SuppressWarnings("rawtypes")
    private static Type indexed(EventValues values, int index) {
        return values.getIndexedValues().get(index);
    }

    @SuppressWarnings("rawtypes")
    private static Type data(EventValues values, int index) {
        return values.getNonIndexedValues().get(index);
    }

    @SuppressWarnings("rawtypes")
    private static Address address(Type value) {
        return Address.fromHex((String) value.getValue());
    }

    @SuppressWarnings("rawtypes")
    private static BigInteger integer(Type value) {
        return (BigInteger) value.getValue();
    }

    @SuppressWarnings("rawtypes")
    private static List<BigInteger> integers(Type array) {
        return elements(array).stream().map(Web3jValues::integer).toList();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Type> elements(Type array) {
        return ((DynamicArray<Type>) array).getValue();
    }
}
