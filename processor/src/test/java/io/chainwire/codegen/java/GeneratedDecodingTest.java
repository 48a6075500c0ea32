package io.chainwire.codegen.java;

import static io.chainwire.codegen.java.LoadedContract.get;
import static io.chainwire.codegen.java.LoadedContract.log;
import static io.chainwire.codegen.java.LoadedContract.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.Indexed;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.TopicFilter;
import io.chainwire.abi.Topics;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.StaticArray2;
import org.web3j.abi.datatypes.generated.StaticArray3;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/** Generated decoders against logs that web3j-abi, an independent implementation, encodes. */
@SuppressWarnings({"rawtypes", "unchecked"})
class GeneratedDecodingTest {
    private static final Address ALICE = Address.fromHex("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    private static final Address BOB = Address.fromHex("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
    private static final Hash TRANSFER = Hash.keccak256("Transfer(address,address,uint256)");

    private static final LoadedContract TOKENS = LoadedContract.golden("tokens");
    private static final LoadedContract MARKET = LoadedContract.golden("structs");

    @Test
    void topic0ConstantsEqualWeb3jEventSignatureHashes() {
        Event transfer = new Event(
                "Transfer",
                List.of(
                        TypeReference.create(org.web3j.abi.datatypes.Address.class, true),
                        TypeReference.create(org.web3j.abi.datatypes.Address.class, true),
                        TypeReference.create(Uint256.class)));
        assertEquals(
                Hash.fromHex(EventEncoder.encode(transfer)),
                constant(TOKENS.nested("TransferIndexedFromTo"), "TOPIC0"));
        assertEquals(TRANSFER, constant(TOKENS.nested("TransferIndexedFromToTokenId"), "TOPIC0"));
    }

    @Test
    void contractDecodeTellsErc20FromErc721TransferByTopicCount() {
        Object erc20 = TOKENS.decode(log(List.of(TRANSFER, address(ALICE), address(BOB)), List.of(new Uint256(1_000))));
        assertEquals("TransferIndexedFromTo", erc20.getClass().getSimpleName());
        assertEquals(ALICE, get(erc20, "from"));
        assertEquals(BOB, get(erc20, "to"));
        assertEquals(BigInteger.valueOf(1_000), get(erc20, "value"));
        assertEquals(LoadedContract.META, get(erc20, "meta"));

        Object erc721 =
                TOKENS.decode(log(List.of(TRANSFER, address(ALICE), address(BOB), topic(new Uint256(42))), List.of()));
        assertEquals("TransferIndexedFromToTokenId", erc721.getClass().getSimpleName());
        assertEquals(BigInteger.valueOf(42), get(erc721, "tokenId"));
    }

    @Test
    void contractDecodeRejectsATopicCountNoLayoutHas() {
        RawLog twoTopics = log(List.of(TRANSFER, address(ALICE)), List.of(new Uint256(1)));
        assertDecodingError(
                () -> TOKENS.decode(twoTopics),
                "Transfer(address,address,uint256)",
                "expects 3 or 4 topics but the log has 2");
        assertDecodingError(
                () -> TOKENS.decode("TransferIndexedFromTo", twoTopics),
                "Transfer(address,address,uint256)",
                "expects 3 topics but the log has 2");
    }

    @Test
    void contractDecodeRejectsUnknownTopic0AndLogsWithoutTopics() {
        RawLog unknown = log(List.of(Hash.keccak256("Unknown()")), List.of());
        assertDecodingError(() -> TOKENS.decode(unknown), "Tokens", "is not the topic of any event of this contract");
        RawLog none = log(List.of(), List.of());
        assertDecodingError(() -> TOKENS.decode(none), "Tokens", "the log has no topics");
    }

    @Test
    void recordDecodeRejectsAnotherEventsTopic0() {
        RawLog approval = log(
                List.of(Hash.keccak256("Approval(address,address,uint256)"), address(ALICE), address(BOB)),
                List.of(new Uint256(1)));
        assertDecodingError(
                () -> TOKENS.decode("TransferIndexedFromTo", approval),
                "Transfer(address,address,uint256)",
                "expects topic 0 " + TRANSFER);
        assertEquals(false, LoadedContract.call(TOKENS.nested("TransferIndexedFromTo"), "matches", approval));
    }

    @Test
    void decodesStringsAndDynamicUintArrays() {
        LoadedContract hello = LoadedContract.golden("hello");
        Object sent = hello.decode(log(
                List.of(Hash.keccak256("MessageSent(address,string)"), address(ALICE)),
                List.of(new Utf8String("héllo, wörld ✓"))));
        assertEquals(ALICE, get(sent, "from"));
        assertEquals("héllo, wörld ✓", get(sent, "message"));

        LoadedContract erc1155 = LoadedContract.golden("erc1155");
        Hash batch = Hash.keccak256("TransferBatch(address,address,address,uint256[],uint256[])");
        Object transfer = erc1155.decode(log(
                List.of(batch, address(ALICE), address(ALICE), address(BOB)),
                List.of(
                        new DynamicArray<>(
                                Uint256.class,
                                new Uint256(1),
                                new Uint256(2),
                                new Uint256(BigInteger.TWO.pow(256).subtract(BigInteger.ONE))),
                        new DynamicArray<>(Uint256.class, List.of()))));
        assertEquals(
                List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.TWO.pow(256).subtract(BigInteger.ONE)),
                get(transfer, "ids"));
        assertEquals(List.of(), get(transfer, "values"));
    }

    @Test
    void decodesArraysOfNestedDynamicStructsAndFixedArraysOfStructs() {
        Object matched = MARKET.decode(ordersMatched());
        assertEquals(BigInteger.valueOf(5), get(matched, "round"));
        List<?> orders = (List<?>) get(matched, "orders");
        assertEquals(2, orders.size());
        assertEquals(ALICE, get(orders.get(0), "maker"));
        assertEquals(BigInteger.valueOf(7), get(get(orders.get(0), "asset"), "id"));
        assertEquals(BigInteger.valueOf(1_700_000_000L), get(orders.get(0), "expiry"));
        assertEquals(List.of(bytes32("aa"), bytes32("bb")), get(orders.get(0), "tags"));
        assertEquals("first", get(orders.get(0), "note"));
        assertEquals(List.of(), get(orders.get(1), "tags"));
        assertEquals("", get(orders.get(1), "note"));
        List<List<?>> decodedPairs = (List<List<?>>) get(matched, "pairs");
        assertEquals(BigInteger.valueOf(4), get(decodedPairs.get(1).get(1), "id"));
        assertEquals(BOB, get(decodedPairs.get(0).get(1), "token"));
    }

    @Test
    void decodesStaticArraysOfDynamicStructsAndStructsHoldingStructs() {
        Object batch = MARKET.decode(batch());
        List<?> pair = (List<?>) get(batch, "pair");
        assertEquals("pair", get(pair.get(0), "note"));
        assertEquals(BigInteger.valueOf(11), get(get(pair.get(1), "asset"), "id"));
        Object decodedFill = ((List<?>) get(batch, "fills")).get(0);
        assertEquals("inner", get(get(decodedFill, "order"), "note"));
        assertEquals(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3)), get(decodedFill, "amounts"));
        assertEquals(-8_388_608, get(decodedFill, "tick"));
    }

    @Test
    void decodesNestedAndFixedArraysOfEveryKind() {
        Object grid = MARKET.decode(grid());
        assertEquals(
                List.of(List.of(BigInteger.ONE, BigInteger.TWO), List.of(), List.of(BigInteger.valueOf(3))),
                get(grid, "matrix"));
        assertEquals(List.of("left", ""), get(grid, "labels"));
        assertEquals(List.of(true, false, true), get(grid, "flags"));
        assertEquals(List.of(-1, 8_388_607), get(grid, "ticks"));
        assertEquals(List.of(BigInteger.valueOf(5), BigInteger.valueOf(6)), ((List<?>) get(grid, "cells")).get(2));
        assertEquals(List.of(Bytes.fromHex("0x010203"), Bytes.of(new byte[40])), get(grid, "blobs"));
    }

    @Test
    void indexedReferenceValuesDecodeAsTheirTypedHash() {
        Hash name = Indexed.ofString("alice.eth").hash();
        Hash ids = Hash.keccak256("any 32 bytes the node reports");
        RawLog log = log(
                List.of(Hash.keccak256(signature("IndexedRefs")), name, ids, ids),
                List.of(new DynamicBytes(new byte[] {9})));
        Object refs = MARKET.decode(log);
        assertEquals(Indexed.ofString("alice.eth"), get(refs, "name"));
        assertEquals(Indexed.ofHash(ids), get(refs, "ids"));
        assertEquals(Bytes.fromHex("0x09"), get(refs, "blob"));
    }

    @Test
    void anonymousEventsReadTopicsFromIndexZero() {
        LoadedContract anonymous = LoadedContract.golden("anonymous");
        RawLog log = log(
                List.of(address(ALICE), address(BOB), topic(new Uint256(3)), topic(new Bytes32(new byte[32]))),
                List.of(new Utf8String("memo")));
        Object deposited = anonymous.decode("Deposited", log);
        assertEquals(ALICE, get(deposited, "account"));
        assertEquals(BOB, get(deposited, "token"));
        assertEquals(BigInteger.valueOf(3), get(deposited, "amount"));
        assertEquals(Bytes.of(new byte[32]), get(deposited, "ref"));
        assertEquals("memo", get(deposited, "memo"));
        assertDecodingError(
                () -> anonymous.decode("Deposited", log(List.of(address(ALICE)), List.of(new Utf8String("m")))),
                "Deposited(address,address,uint256,bytes32,string)",
                "expects 4 topics but the log has 1");
    }

    @Test
    void filtersSetTopic0AndEachConstrainedPositionWithOrLists() {
        Object builder = LoadedContract.call(TOKENS.nested("TransferIndexedFromToTokenId"), "filter");
        LoadedContract.invoke(builder, "from", (Object) new Address[] {ALICE, BOB});
        LoadedContract.invoke(builder, "tokenId", (Object) new BigInteger[] {BigInteger.TEN});
        TopicFilter filter = (TopicFilter) LoadedContract.invoke(builder, "build");
        assertEquals(
                List.of(
                        List.of(TRANSFER),
                        List.of(Topics.address(ALICE), Topics.address(BOB)),
                        List.of(),
                        List.of(topic(new Uint256(10)))),
                filter.positions());
        assertTrue(filter.matches(
                log(List.of(TRANSFER, address(BOB), address(ALICE), topic(new Uint256(10))), List.of())));

        Object refs = LoadedContract.call(MARKET.nested("IndexedRefs"), "filter");
        LoadedContract.invoke(refs, "name", (Object) new String[] {"alice.eth"});
        assertEquals(
                Indexed.ofString("alice.eth").hash(),
                ((TopicFilter) LoadedContract.invoke(refs, "build"))
                        .positions()
                        .get(1)
                        .get(0));
    }

    @Test
    void filterValuesOutsideTheParameterTypeAreRejected() {
        Object builder = LoadedContract.call(TOKENS.nested("TransferIndexedFromToTokenId"), "filter");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LoadedContract.invoke(builder, "tokenId", (Object) new BigInteger[] {BigInteger.ONE.negate()}));
        assertEquals("-1 does not fit uint256", e.getMessage());
    }

    /** Returns an {@code OrdersMatched} log: an array of nested dynamic structs and a {@code tuple[2][]}. */
    static RawLog ordersMatched() {
        DynamicStruct order1 = order(ALICE, 7, List.of("aa", "bb"), "first");
        DynamicStruct order2 = order(BOB, 8, List.of(), "");
        DynamicArray pairs = new DynamicArray<>(
                StaticArray2.class,
                List.of(
                        new StaticArray2<>(StaticStruct.class, asset(ALICE, 1), asset(BOB, 2)),
                        new StaticArray2<>(StaticStruct.class, asset(BOB, 3), asset(ALICE, 4))));
        return log(
                List.of(Hash.keccak256(signature("OrdersMatched")), topic(new Uint256(5))),
                List.of(new DynamicArray<>(DynamicStruct.class, order1, order2), pairs));
    }

    /** Returns a {@code Batch} log: a fixed array of dynamic structs and structs holding structs. */
    static RawLog batch() {
        DynamicStruct order = order(ALICE, 9, List.of("cc"), "pair");
        DynamicStruct fill = new DynamicStruct(
                order(BOB, 10, List.of(), "inner"),
                new StaticArray3<>(Uint128.class, new Uint128(1), new Uint128(2), new Uint128(3)),
                new Int24(-8_388_608));
        return log(
                List.of(Hash.keccak256(signature("Batch"))),
                List.of(
                        new StaticArray2<>(DynamicStruct.class, order, order(BOB, 11, List.of(), "second")),
                        new DynamicArray<>(DynamicStruct.class, fill)));
    }

    /** Returns a {@code Grid} log: nested dynamic arrays and fixed arrays of static and dynamic elements. */
    static RawLog grid() {
        return log(
                List.of(Hash.keccak256(signature("Grid"))),
                List.of(
                        new DynamicArray<>(
                                DynamicArray.class,
                                List.of(
                                        new DynamicArray<>(Uint256.class, new Uint256(1), new Uint256(2)),
                                        new DynamicArray<>(Uint256.class, List.of()),
                                        new DynamicArray<>(Uint256.class, new Uint256(3)))),
                        // string[2] encodes exactly as the tuple (string,string); web3j 4.13 writes a StaticArray2 of
                        // strings inline without offsets, against the ABI specification, so it is given as a tuple.
                        new DynamicStruct(new Utf8String("left"), new Utf8String("")),
                        new StaticArray3<>(Bool.class, new Bool(true), new Bool(false), new Bool(true)),
                        new DynamicArray<>(Int24.class, new Int24(-1), new Int24(8_388_607)),
                        new StaticArray3<>(
                                StaticArray2.class,
                                List.of(
                                        new StaticArray2<>(Uint256.class, new Uint256(1), new Uint256(2)),
                                        new StaticArray2<>(Uint256.class, new Uint256(3), new Uint256(4)),
                                        new StaticArray2<>(Uint256.class, new Uint256(5), new Uint256(6)))),
                        new DynamicArray<>(
                                DynamicBytes.class,
                                new DynamicBytes(new byte[] {1, 2, 3}),
                                new DynamicBytes(new byte[40]))));
    }

    private static DynamicStruct order(Address maker, long assetId, List<String> tags, String note) {
        return new DynamicStruct(
                new org.web3j.abi.datatypes.Address(maker.toHex()),
                asset(BOB, assetId),
                new Uint64(1_700_000_000L),
                tags.isEmpty()
                        ? new DynamicArray<>(Bytes32.class, List.of())
                        : new DynamicArray<>(
                                Bytes32.class,
                                tags.stream()
                                        .map(t -> new Bytes32(bytes32(t).toByteArray()))
                                        .toList()),
                new Utf8String(note));
    }

    private static StaticStruct asset(Address token, long id) {
        return new StaticStruct(new org.web3j.abi.datatypes.Address(token.toHex()), new Uint256(id));
    }

    private static Bytes bytes32(String hexByte) {
        return Bytes.fromHex(hexByte.repeat(32));
    }

    private static Hash address(Address address) {
        return topic(new org.web3j.abi.datatypes.Address(address.toHex()));
    }

    private static String signature(String event) {
        return (String) constant(MARKET.nested(event), "SIGNATURE");
    }

    private static Object constant(Class<?> type, String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertDecodingError(Executable decode, String event, String reason) {
        AbiDecodingException e = assertThrows(AbiDecodingException.class, decode);
        assertEquals(event, e.event());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
