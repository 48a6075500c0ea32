package io.chainwire.testkit;

import static io.chainwire.testkit.AbiWords.address;
import static io.chainwire.testkit.AbiWords.topic;
import static io.chainwire.testkit.AbiWords.word;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.TransactionReceipt;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The processor's AllShapes test contract on a real node: emitAll() emits the documented number of logs of every event,
 * with the topic layouts the ABI specification prescribes.
 */
@AnvilTest
class AllShapesContractOnAnvilTest {
    private static final Address ALICE = address(0xA11CEL);
    private static final Address BOB = address(0xB0BL);
    private static final Address COFFEE = address(0xC0FFEEL);

    private static final Map<String, Integer> EXPECTED = Map.ofEntries(
            Map.entry("Unsigned(uint8,uint24,uint32,uint64,uint256)", 3),
            Map.entry("Signed(int8,int24,int32,int64,int256)", 3),
            Map.entry("Basics(address,bool,bytes1,bytes4,bytes32)", 2),
            Map.entry("Dynamics(bytes,string)", 3),
            Map.entry("FunctionRef(function)", 1),
            Map.entry("Arrays(uint256[][],uint8[3][],string[],bytes[2])", 2),
            Map.entry(
                    "Structs(((uint256,string),(int32,int32)[2],(uint256,string)[],bytes32),"
                            + "(uint256,string)[],(uint256,string)[2][],(int32,int32)[3])",
                    1),
            Map.entry("IndexedStatics(address,int64,bytes4,bool)", 2),
            Map.entry("IndexedReferences(string,bytes,uint256[])", 2),
            Map.entry("IndexedStruct((uint256,string),(int32,int32),string)", 1),
            Map.entry("Overloaded(uint256)", 1),
            Map.entry("Overloaded(string)", 1),
            Map.entry("Overloaded(uint256,address)", 1),
            Map.entry("Unnamed(uint256,string,address)", 1),
            Map.entry("Keywords(uint256,bool,address,string)", 1),
            Map.entry("synchronized(uint256)", 1),
            Map.entry("Event(uint256,bytes32,string)", 1),
            Map.entry("Empty()", 1),
            Map.entry("Transfer(address,address,uint256)", 1));
    private static final String ANONYMOUS_4 = "Anonymous4 (anonymous, 4 topics)";
    private static final String ANONYMOUS_NO_TOPICS = "AnonymousNoTopics (anonymous, no topics)";

    private static Address allShapes;
    private static List<RawLog> logs;

    @BeforeAll
    static void deployAndEmitAll(Anvil anvil) {
        Contracts contracts = new Contracts(anvil);
        allShapes = contracts.deploy(Solidity.compile(ProjectFiles.ALL_SHAPES_SOURCE, "AllShapes"));
        TransactionReceipt receipt =
                contracts.send(allShapes, Calldata.function("emitAll()").encode());
        logs = contracts.getLogs(allShapes, receipt.blockNumber(), receipt.blockNumber());
    }

    @Test
    void emitAllEmitsEachEventTheDocumentedNumberOfTimes() {
        Map<Hash, String> signatures =
                EXPECTED.keySet().stream().collect(Collectors.toMap(Hash::keccak256, Function.identity()));
        Map<String, Integer> counted = new TreeMap<>();
        for (RawLog log : logs) {
            String event;
            if (log.topicCount() == 0) {
                event = ANONYMOUS_NO_TOPICS;
            } else if (signatures.containsKey(log.topic(0))) {
                event = signatures.get(log.topic(0));
            } else {
                assertEquals(4, log.topicCount(), "the only log without a known topic 0 is Anonymous4: " + log);
                event = ANONYMOUS_4;
            }
            counted.merge(event, 1, Integer::sum);
        }
        Map<String, Integer> expected = new TreeMap<>(EXPECTED);
        expected.put(ANONYMOUS_4, 1);
        expected.put(ANONYMOUS_NO_TOPICS, 1);
        assertEquals(expected, counted);
        assertEquals(31, logs.size());
    }

    @Test
    void anonymousEventCarriesItsFourIndexedValuesAsTopics() {
        RawLog anonymous = logs.stream()
                .filter(log -> log.topicCount() == 4 && log.topic(0).equals(word(BigInteger.ONE)))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(word(BigInteger.ONE), topic(COFFEE), Hash.keccak256("anon"), word(BigInteger.ONE)),
                anonymous.topics());
        assertEquals(0, anonymous.data().length());
    }

    @Test
    void indexedReferenceValuesAreHashedIntoTopics() {
        RawLog references = only("IndexedReferences(string,bytes,uint256[])", 0);
        assertEquals(Hash.keccak256("hello"), references.topic(1));
        assertEquals(Hash.keccak256(new byte[] {1, 2}), references.topic(2));
        byte[] numbers = new byte[96];
        numbers[31] = 1;
        numbers[63] = 2;
        numbers[95] = 3;
        assertEquals(Hash.keccak256(numbers), references.topic(3));
    }

    @Test
    void indexedStaticValuesArePaddedIntoTopics() {
        RawLog statics = only("IndexedStatics(address,int64,bytes4,bool)", 0);
        assertEquals(topic(COFFEE), statics.topic(1));
        assertEquals(word(BigInteger.valueOf(-42).add(BigInteger.ONE.shiftLeft(256))), statics.topic(2));
        assertEquals(Hash.fromHex("0xcafebabe" + "0".repeat(56)), statics.topic(3));
        assertEquals(word(BigInteger.ONE).toHex(), statics.data().toHex());
    }

    @Test
    void functionValueIsTheContractAddressAndSelectorLeftAligned() {
        byte[] expected = new byte[32];
        System.arraycopy(allShapes.toByteArray(), 0, expected, 0, 20);
        System.arraycopy(Calldata.selector("target(uint256)").toByteArray(), 0, expected, 20, 4);
        assertEquals(Bytes.of(expected), only("FunctionRef(function)", 0).data());
    }

    @Test
    void erc20AndErc721TransfersShareTopic0ButNotTheirLayout(Anvil anvil) {
        Contracts contracts = new Contracts(anvil);
        Address erc721 = contracts.deploy(Solidity.compile(ProjectFiles.ALL_SHAPES_SOURCE, "AllShapesErc721"));
        RawLog nft = contracts
                .send(erc721, Calldata.function("emitTransfer()").encode())
                .logs()
                .get(0);
        RawLog token = only("Transfer(address,address,uint256)", 0);

        Hash transfer = Hash.keccak256("Transfer(address,address,uint256)");
        Hash thousand = word(BigInteger.valueOf(1000));
        assertEquals(List.of(transfer, topic(ALICE), topic(BOB)), token.topics());
        assertEquals(thousand.toHex(), token.data().toHex());
        assertEquals(List.of(transfer, topic(ALICE), topic(BOB), thousand), nft.topics());
        assertEquals(0, nft.data().length());
    }

    private static RawLog only(String signature, int occurrence) {
        Hash topic0 = Hash.keccak256(signature);
        return logs.stream()
                .filter(log -> log.topicCount() > 0 && log.topic(0).equals(topic0))
                .skip(occurrence)
                .findFirst()
                .orElseThrow();
    }
}
