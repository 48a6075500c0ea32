package io.chainwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiEvent;
import io.chainwire.rpc.TransactionReceipt;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real logs: {@code AllShapes.sol}, compiled by the pinned solc and deployed to a local anvil, emits every event shape
 * with the arguments its comments document; the classes generated from its ABI decode each log to exactly those values.
 * Solidity's encoder is the reference here.
 */
@AnvilTest
class AllShapesDecodingOnAnvilTest {
    private static final Path SOURCE = Path.of("src", "test", "solidity", "AllShapes.sol");
    private static final Path ABI = Path.of("src", "test", "resources", "abi", "AllShapes.json");
    private static final Path ERC721_ABI = Path.of("src", "test", "resources", "abi", "AllShapesErc721.json");
    private static final Address ALICE = address(0xA11CEL);
    private static final Address BOB = address(0xB0BL);
    private static final Address COFFEE = address(0xC0FFEEL);

    private static Contracts contracts;
    private static Address allShapes;
    private static List<RawLog> logs;

    @BeforeAll
    static void deployAndEmitAll(Anvil anvil) {
        contracts = new Contracts(anvil);
        allShapes = contracts.deploy(Solidity.compile(SOURCE, "AllShapes"));
        TransactionReceipt receipt =
                contracts.send(allShapes, Calldata.function("emitAll()").encode());
        logs = contracts.getLogs(allShapes, receipt.blockNumber(), receipt.blockNumber());
    }

    @Test
    void generatedClassesDecodeEveryLogToTheEmittedValues() {
        LoadedContract shapes = LoadedContract.fromFile(ABI);
        List<Expected> expected = expectedEvents();
        assertEquals(expected.size(), logs.size(), "logs emitted by emitAll()");
        for (int i = 0; i < logs.size(); i++) {
            Expected event = expected.get(i);
            RawLog log = logs.get(i);
            Object decoded = event.anonymous() ? shapes.decode(event.record(), log) : shapes.decode(log);
            assertEquals(event.record(), decoded.getClass().getSimpleName(), "log " + i);
            assertEquals(event.values(), DecodedValues.normalize(decoded), "log " + i + " (" + event.record() + ")");
            assertEquals(log.meta(), LoadedContract.get(decoded, "meta"), "log " + i);
        }
    }

    @Test
    void erc20AndErc721TransfersShareTopicZeroAndDecodeByTopicCount() {
        Address erc721 = contracts.deploy(Solidity.compile(SOURCE, "AllShapesErc721"));
        TransactionReceipt receipt =
                contracts.send(erc721, Calldata.function("emitTransfer()").encode());
        RawLog nft = contracts
                .getLogs(erc721, receipt.blockNumber(), receipt.blockNumber())
                .get(0);
        RawLog token = logs.get(logs.size() - 1);

        List<AbiEvent> events = new ArrayList<>(GeneratedCode.readContract(ABI).events());
        events.addAll(GeneratedCode.readContract(ERC721_ABI).events());
        LoadedContract both = LoadedContract.of(new AbiContract("Tokens", events));

        Object erc20Transfer = both.decode(token);
        Object erc721Transfer = both.decode(nft);
        assertEquals("TransferIndexedFromTo", erc20Transfer.getClass().getSimpleName());
        assertEquals("TransferIndexedFromToTokenId", erc721Transfer.getClass().getSimpleName());
        assertEquals(List.of(ALICE, BOB, n(1000)), DecodedValues.normalize(erc20Transfer));
        assertEquals(List.of(ALICE, BOB, n(1000)), DecodedValues.normalize(erc721Transfer));
    }

    /** The events emitAll() emits, in order, with the values AllShapes.sol documents. */
    private static List<Expected> expectedEvents() {
        BigInteger two = BigInteger.TWO;
        List<Expected> events = new ArrayList<>();
        events.add(event("Unsigned", n(255), n(0xffffff), n(0xffffffffL), max(64), max(256)));
        events.add(event(
                "Signed",
                n(127),
                n(0x7fffff),
                n(Integer.MAX_VALUE),
                n(Long.MAX_VALUE),
                two.pow(255).subtract(BigInteger.ONE)));
        events.add(event("Unsigned", n(0), n(0), n(0), n(0), n(0)));
        events.add(event(
                "Signed",
                n(-128),
                n(-0x800000),
                n(Integer.MIN_VALUE),
                n(Long.MIN_VALUE),
                two.pow(255).negate()));
        events.add(event("Unsigned", n(1), n(2), n(3), n(4), n(5)));
        events.add(event("Signed", n(-1), n(-2), n(-3), n(-4), n(-5)));
        events.add(event("Basics", COFFEE, true, hex("ab"), hex("deadbeef"), keccak("chainwire")));
        events.add(event("Basics", Address.ZERO, false, hex("00"), hex("00000000"), Bytes.of(new byte[32])));
        events.add(event("Dynamics", Bytes.EMPTY, ""));
        events.add(event("Dynamics", hex("00ff"), "hello"));
        events.add(event("Dynamics", concat(keccak("a"), keccak("b"), hex("01")), "héllo wörld ✓ 🚀"));
        events.add(
                event("FunctionRef", concat(Bytes.fromHex(allShapes.toHex()), Calldata.selector("target(uint256)"))));
        events.add(event(
                "Arrays",
                List.of(List.of(n(1), n(2)), List.of(), List.of(n(3))),
                List.of(List.of(n(1), n(2), n(3)), List.of(n(4), n(5), n(6))),
                List.of("", "a", "ünïcødé"),
                List.of(hex("01"), Bytes.EMPTY)));
        events.add(event("Arrays", List.of(), List.of(), List.of(), List.of(Bytes.EMPTY, Bytes.EMPTY)));
        events.add(event(
                "Structs",
                List.of(
                        inner(7, "seven"),
                        List.of(point(-1, 1), point(2, -2)),
                        List.of(inner(1, "one"), inner(2, "")),
                        Bytes.fromHex("00".repeat(30) + "1234")),
                List.of(inner(3, "three")),
                List.of(List.of(inner(4, "four"), inner(5, "five"))),
                List.of(point(0, 0), point(Integer.MIN_VALUE, Integer.MAX_VALUE), point(3, -3))));
        events.add(event("IndexedStatics", COFFEE, n(-42), hex("cafebabe"), true));
        events.add(event("IndexedStatics", Address.ZERO, n(Long.MIN_VALUE), hex("00000000"), false));
        events.add(event(
                "IndexedReferences",
                Hash.keccak256("hello"),
                Hash.keccak256(new byte[] {1, 2}),
                Hash.keccak256(concat(word(n(1)), word(n(2)), word(n(3))).toByteArray())));
        events.add(event(
                "IndexedReferences", Hash.keccak256(""), Hash.keccak256(new byte[0]), Hash.keccak256(new byte[0])));
        events.add(event(
                "IndexedStruct",
                Hash.keccak256(concat(word(n(9)), paddedText("nine")).toByteArray()),
                Hash.keccak256(concat(word(n(-9)), word(n(9))).toByteArray()),
                "note"));
        events.add(new Expected("Anonymous4", true, List.of(n(1), COFFEE, keccak("anon"), true)));
        events.add(new Expected("AnonymousNoTopics", true, List.of("no topics")));
        events.add(event("OverloadedUint256", n(1)));
        events.add(event("OverloadedString", "one"));
        events.add(event("OverloadedUint256Address", n(2), ALICE));
        events.add(event("Unnamed", n(42), "unnamed", COFFEE));
        events.add(event("Keywords", n(1), true, BOB, "package"));
        events.add(event("synchronized_", n(7)));
        events.add(event("Event_", n(8), keccak("decode"), "filter"));
        events.add(event("Empty"));
        events.add(event("Transfer", ALICE, BOB, n(1000)));
        return events;
    }

    private record Expected(String record, boolean anonymous, List<Object> values) {}

    private static Expected event(String record, Object... values) {
        return new Expected(record, false, List.of(values));
    }

    private static List<Object> inner(long id, String label) {
        return List.of(n(id), label);
    }

    private static List<Object> point(long x, long y) {
        return List.of(n(x), n(y));
    }

    private static BigInteger n(long value) {
        return BigInteger.valueOf(value);
    }

    private static BigInteger max(int bits) {
        return BigInteger.TWO.pow(bits).subtract(BigInteger.ONE);
    }

    private static Address address(long value) {
        return Address.fromHex(String.format("0x%040x", value));
    }

    private static Bytes hex(String digits) {
        return Bytes.fromHex(digits);
    }

    private static Bytes keccak(String text) {
        return Bytes.of(Hash.keccak256(text).toByteArray());
    }

    /** The 32-byte two's-complement word of {@code value}. */
    private static Bytes word(BigInteger value) {
        byte[] word = new byte[32];
        byte[] raw = value.toByteArray();
        Arrays.fill(word, 0, 32 - raw.length, (byte) (value.signum() < 0 ? 0xff : 0));
        System.arraycopy(raw, 0, word, 32 - raw.length, raw.length);
        return Bytes.of(word);
    }

    /** Text as an indexed struct member encodes it: UTF-8, zero-padded to whole words. */
    private static Bytes paddedText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return Bytes.of(Arrays.copyOf(utf8, (utf8.length + 31) / 32 * 32));
    }

    private static Bytes concat(Bytes... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Bytes part : parts) {
            out.writeBytes(part.toByteArray());
        }
        return Bytes.of(out.toByteArray());
    }
}
