package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.TopicFilter;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.LogFilter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {
    private static final Address A = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    private static final Address B = Address.fromHex("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
    private static final Hash T0 = Hash.fromHex("0x" + "a".repeat(64));
    private static final Hash T1 = Hash.fromHex("0x" + "b".repeat(64));
    private static final Hash T2 = Hash.fromHex("0x" + "c".repeat(64));

    private static String request(ParamsWriter params) {
        return new String(
                RequestEncoder.single(7, new RpcCall<>("m", params, Results.RAW_JSON)), StandardCharsets.UTF_8);
    }

    @Test
    void writesAJsonRpcEnvelope() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"m\",\"params\":[]}", request(Params.NONE));
    }

    @Test
    void writesBatchesWithConsecutiveIds() {
        List<RpcCall<String>> calls = List.of(
                new RpcCall<>("a", Params.NONE, Results.RAW_JSON), new RpcCall<>("b", Params.NONE, Results.RAW_JSON));

        assertEquals(
                "[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"a\",\"params\":[]},{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"b\",\"params\":[]}]",
                new String(RequestEncoder.batch(3, calls), StandardCharsets.UTF_8));
    }

    @Test
    void writesALogFilterWithAddressesTopicOrListsAndARange() {
        LogFilter filter = LogFilter.builder()
                .address(A, B)
                .topics(TopicFilter.builder().topic(0, T0).topic(2, T1, T2).build())
                .fromBlock(16)
                .toBlock(BlockTag.LATEST)
                .build();

        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"m\",\"params\":[{"
                        + "\"address\":[\"" + A.toHex() + "\",\"" + B.toHex() + "\"],"
                        + "\"topics\":[\"" + T0.toHex() + "\",null,[\"" + T1.toHex() + "\",\"" + T2.toHex() + "\"]],"
                        + "\"fromBlock\":\"0x10\",\"toBlock\":\"latest\"}]}",
                request(Params.logs(filter)));
    }

    @Test
    void writesALogFilterOnABlockHashWithoutAddressesOrTopics() {
        LogFilter filter = LogFilter.builder().blockHash(T0).build();

        assertTrue(request(Params.logs(filter)).endsWith("\"params\":[{\"blockHash\":\"" + T0.toHex() + "\"}]}"));
    }

    @Test
    void writesBlockParamsWithoutTransactions() {
        assertTrue(request(Params.blockByNumber(BlockTag.number(255))).endsWith("\"params\":[\"0xff\",false]}"));
        assertTrue(request(Params.blockByNumber(BlockTag.FINALIZED)).endsWith("\"params\":[\"finalized\",false]}"));
        assertTrue(request(Params.blockByHash(T0)).endsWith("\"params\":[\"" + T0.toHex() + "\",false]}"));
    }

    @Test
    void writesGenericJavaValues() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("to", A);
        object.put("data", Bytes.fromHex("0x01"));
        object.put("n", null);

        String json = request(Params.of(
                "0x5", 3, 2.5, true, BigInteger.TWO.pow(70), object, List.of(T0), new Object[] {null, BlockTag.SAFE}));

        assertTrue(
                json.endsWith("\"params\":[\"0x5\",3,2.5,true,1180591620717411303424," + "{\"to\":\"" + A.toHex()
                        + "\",\"data\":\"0x01\",\"n\":null},[\"" + T0.toHex() + "\"],[null,\"safe\"]]}"),
                json);
    }

    @Test
    void rejectsAValueWithNoJsonFormNamingItsPosition() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Params.of("ok", Map.of("list", Arrays.asList(1, new StringBuilder()))));

        assertTrue(e.getMessage().startsWith("params[1].list[1] is a java.lang.StringBuilder"), e.getMessage());
    }
}
