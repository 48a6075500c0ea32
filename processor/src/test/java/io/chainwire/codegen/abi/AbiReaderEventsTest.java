package io.chainwire.codegen.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.codegen.abi.AbiType.AddressType;
import io.chainwire.codegen.abi.AbiType.UintType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the reader keeps of an ABI: its events, their inputs, signatures and topic layout. */
final class AbiReaderEventsTest {
    @Test
    void ignoresEveryNonEventEntryWithoutReadingItsBody() throws AbiFormatException {
        List<AbiEvent> events = events("["
                + "{'type': 'constructor', 'inputs': 'not checked'},"
                + "{'type': 'function', 'name': '1 not checked', 'inputs': [{'type': 'uint257'}]},"
                + "{'name': 'noTypeMeansFunction', 'inputs': [], 'outputs': [{'type': 'fixed128x18'}]},"
                + "{'type': 'fallback', 'stateMutability': 'payable'},"
                + "{'type': 'receive', 'stateMutability': 'payable'},"
                + "{'type': 'error', 'name': 'Unauthorized', 'inputs': [{'name': 'who', 'type': 'address'}]},"
                + "{'type': 'event', 'name': 'Ping', 'inputs': []}]");

        assertEquals(List.of("Ping()"), events.stream().map(AbiEvent::signature).toList());
    }

    @Test
    void keepsEventsInAbiOrderIncludingOverloads() throws AbiFormatException {
        List<AbiEvent> events = events("["
                + "{'type': 'event', 'name': 'Log', 'inputs': [{'name': 'n', 'type': 'uint256'}]},"
                + "{'type': 'event', 'name': 'Alpha'},"
                + "{'type': 'event', 'name': 'Log', 'inputs': [{'name': 's', 'type': 'string'}]}]");

        assertEquals(
                List.of("Log(uint256)", "Alpha()", "Log(string)"),
                events.stream().map(AbiEvent::signature).toList());
    }

    @Test
    void defaultsMissingFields() throws AbiFormatException {
        AbiEvent event = events("[{'type': 'event', 'name': 'Bare', 'inputs': [{'type': 'address'}]}]")
                .get(0);

        assertFalse(event.anonymous());
        assertEquals(List.of(new AbiParameter("", new AddressType(), false, null)), event.inputs());
    }

    @Test
    void treatsMissingAndEmptyNamesAsUnnamed() throws AbiFormatException {
        AbiEvent event = events("[{'type': 'event', 'name': 'Pair', 'inputs': ["
                        + "{'type': 'uint8'}, {'name': '', 'type': 'uint8'}, {'name': '', 'type': 'uint16'}]}]")
                .get(0);

        assertEquals(
                List.of("", "", ""),
                event.inputs().stream().map(AbiParameter::name).toList());
        assertEquals("Pair(uint8,uint8,uint16)", event.signature());
    }

    @Test
    void readsAnonymousEventWithFourIndexedInputs() throws AbiFormatException {
        AbiEvent event = events("[{'type': 'event', 'name': 'Raw', 'anonymous': true, 'inputs': ["
                        + "{'name': 'a', 'type': 'bytes32', 'indexed': true}, {'name': 'b', 'type': 'bytes32', 'indexed': true},"
                        + "{'name': 'c', 'type': 'bytes32', 'indexed': true}, {'name': 'd', 'type': 'bytes32', 'indexed': true},"
                        + "{'name': 'data', 'type': 'bytes'}]}]")
                .get(0);

        assertTrue(event.anonymous());
        assertEquals(4, event.topicCount());
        assertEquals("Raw(bytes32,bytes32,bytes32,bytes32,bytes)", event.signature());
    }

    @Test
    void readsNonAnonymousEventWithThreeIndexedInputs() throws AbiFormatException {
        AbiEvent event = events(
                        "[{'type': 'event', 'name': 'Moved', 'anonymous': false, 'inputs': ["
                                + "{'name': 'a', 'type': 'address', 'indexed': true}, {'name': 'b', 'type': 'address', 'indexed': true},"
                                + "{'name': 'c', 'type': 'string', 'indexed': true}, {'name': 'd', 'type': 'uint', 'indexed': false}]}]")
                .get(0);

        assertEquals(4, event.topicCount());
        assertEquals(
                List.of(true, true, true, false),
                event.inputs().stream().map(AbiParameter::indexed).toList());
        assertEquals(new UintType(256), event.inputs().get(3).type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[]                                                                       | false | 1",
                "[{'type': 'uint256'}]                                                    | false | 1",
                "[{'type': 'uint256', 'indexed': true}]                                   | false | 2",
                "[{'type': 'uint256', 'indexed': true}, {'type': 'bool', 'indexed': true}] | false | 3",
                "[]                                                                       | true  | 0",
                "[{'type': 'uint256', 'indexed': true}]                                   | true  | 1",
            })
    void countsTopicsFromIndexedInputsAndAnonymity(String inputs, boolean anonymous, int topics)
            throws AbiFormatException {
        AbiEvent event = events(
                        "[{'type': 'event', 'name': 'E', 'anonymous': " + anonymous + ", 'inputs': " + inputs + "}]")
                .get(0);

        assertEquals(topics, event.topicCount());
    }

    @Test
    void erc20TransferHasTheWellKnownTopic0() throws AbiFormatException {
        AbiEvent transfer = events(
                        "[{'anonymous': false, 'inputs': ["
                                + "{'indexed': true, 'name': 'from', 'type': 'address'},"
                                + "{'indexed': true, 'name': 'to', 'type': 'address'},"
                                + "{'indexed': false, 'name': 'value', 'type': 'uint256'}], 'name': 'Transfer', 'type': 'event'}]")
                .get(0);

        assertEquals("Transfer(address,address,uint256)", transfer.signature());
        assertEquals(
                Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
                Hash.keccak256(transfer.signature()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Approval, 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925",
        "ApprovalForAll, 0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31",
        "TransferSingle, 0xc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62",
        "TransferBatch, 0x4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526c8f7fb",
        "URI, 0x6bb7ff708619ba0610cba295a58592e0451dee2622938c8755667688daf3529b",
    })
    void standardEventsFromFixturesHaveTheirPublishedTopic0(String name, String topic0) {
        List<AbiEvent> events = List.of("hardhat/Token.json", "plain/ERC1155.abi.json").stream()
                .flatMap(file -> TestAbis.readFixture(file).stream())
                .flatMap(contract -> contract.events().stream())
                .toList();

        AbiEvent event =
                events.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();

        assertEquals(Hash.fromHex(topic0), Hash.keccak256(event.signature()));
    }

    @Test
    void legacyOwnershipTransferredHasTheWellKnownTopic0() {
        AbiEvent event = TestAbis.readFixture("solc/combined-legacy.json")
                .get(1)
                .events()
                .get(0);

        assertEquals(
                Hash.fromHex("0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0"),
                Hash.keccak256(event.signature()));
    }

    private static List<AbiEvent> events(String json) throws AbiFormatException {
        List<AbiContract> contracts = TestAbis.read("E.json", json);
        assertEquals(1, contracts.size());
        return contracts.get(0).events();
    }
}
