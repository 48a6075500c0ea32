package io.chainwire.codegen.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.codegen.abi.AbiType.ArrayType;
import io.chainwire.codegen.abi.AbiType.TupleType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each accepted file format, read from realistic fixtures under {@code src/test/resources/abi}. */
final class AbiReaderFormatsTest {
    @Test
    void readsPlainAbiArrayNamedAfterTheFile() {
        List<AbiContract> contracts = TestAbis.readFixture("plain/ERC1155.abi.json");

        assertEquals(List.of("ERC1155"), names(contracts));
        assertEquals(
                List.of(
                        "ApprovalForAll(address,address,bool)",
                        "TransferBatch(address,address,address,uint256[],uint256[])",
                        "TransferSingle(address,address,address,uint256,uint256)",
                        "URI(string,uint256)"),
                signatures(contracts.get(0)));
    }

    @Test
    void readsHardhatArtifactNamedByContractName() {
        List<AbiContract> contracts = TestAbis.readFixture("hardhat/Token.json");

        assertEquals(List.of("Token"), names(contracts));
        assertEquals(
                List.of("Approval(address,address,uint256)", "Transfer(address,address,uint256)"),
                signatures(contracts.get(0)));
        AbiParameter from = contracts.get(0).events().get(1).inputs().get(0);
        assertEquals(new AbiParameter("from", new AbiType.AddressType(), true, "address"), from);
    }

    @Test
    void readsFoundryArtifactNamedAfterTheFile() {
        List<AbiContract> contracts = TestAbis.readFixture("foundry/Market.sol/Market.json");

        assertEquals(List.of("Market"), names(contracts));
        assertEquals(
                List.of(
                        "OrderPlaced(bytes32,(address,uint256,uint128,bool))",
                        "OrdersMatched((address,uint256,uint128,bool)[2],(bytes32,uint256,string)[])"),
                signatures(contracts.get(0)));
        List<AbiParameter> matched = contracts.get(0).events().get(1).inputs();
        TupleType order = (TupleType) ((ArrayType) matched.get(0).type()).element();
        TupleType fill = (TupleType) ((ArrayType) matched.get(1).type()).element();
        assertEquals("Market.Order", order.qualifiedName());
        assertEquals("Fill", fill.structName());
    }

    @Test
    void readsTruffleArtifactNamedByContractName() {
        List<AbiContract> contracts = TestAbis.readFixture("truffle/MetaCoin.json");

        assertEquals(List.of("MetaCoin"), names(contracts));
        assertEquals(List.of("Transfer(address,address,uint256)"), signatures(contracts.get(0)));
        assertEquals(
                List.of("_from", "_to", "_value"),
                contracts.get(0).events().get(0).inputs().stream()
                        .map(AbiParameter::name)
                        .toList());
    }

    @Test
    void readsCombinedJsonWithAbiArrays() {
        List<AbiContract> contracts = TestAbis.readFixture("solc/combined.json");

        assertEquals(List.of("Token", "Vault", "Math"), names(contracts));
        assertEquals(List.of("Transfer(address,address,uint256)"), signatures(contracts.get(0)));
        assertEquals(List.of("Deposited(address,uint256)"), signatures(contracts.get(1)));
        assertEquals(List.of(), contracts.get(2).events());
    }

    @Test
    void readsCombinedJsonWithAbiStringsFromOlderSolc() {
        List<AbiContract> contracts = TestAbis.readFixture("solc/combined-legacy.json");

        assertEquals(List.of("Token", "Owned"), names(contracts));
        assertEquals(List.of("Transfer(address,address,uint256)"), signatures(contracts.get(0)));
        assertEquals(List.of("OwnershipTransferred(address,address)"), signatures(contracts.get(1)));
        assertNull(contracts.get(0).events().get(0).inputs().get(0).internalType());
    }

    @Test
    void namesContractAfterCombinedKeyWithoutFile() throws AbiFormatException {
        List<AbiContract> contracts = TestAbis.read("Out.json", "{'contracts': {'Token': {'abi': []}}}");

        assertEquals(List.of("Token"), names(contracts));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Token.json, Token",
        "abi/Token.abi.json, Token",
        "out/Token.sol/Token.json, Token",
        "C:\\abis\\Token.JSON, Token",
        "Token, Token",
        "Token.abi, Token",
        "my-token.json, my-token",
    })
    void namesPlainAbiAfterTheFile(String file, String name) throws AbiFormatException {
        assertEquals(List.of(name), names(TestAbis.read(file, "[]")));
    }

    @Test
    void namesArtifactWithoutContractNameAfterTheFile() throws AbiFormatException {
        assertEquals(
                List.of("Vault"),
                names(TestAbis.read("out/Vault.sol/Vault.json", "{'abi': [], 'bytecode': {'object': '0x'}}")));
    }

    @Test
    void prefersAbiOverContractsWhenBothArePresent() throws AbiFormatException {
        assertEquals(List.of("A"), names(TestAbis.read("A.json", "{'abi': [], 'contracts': 'ignored'}")));
    }

    @Test
    void skipsUtf8ByteOrderMark() throws AbiFormatException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "[{\"type\": \"event\", \"name\": \"Ping\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(json, 0, file, bom.length, json.length);

        assertEquals(
                List.of("Ping()"), signatures(AbiReader.read("Ping.json", file).get(0)));
    }

    @Test
    void namesTheFileInErrorsFromAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Broken.json");
        Files.writeString(file, "[{\"type\": \"event\"}]");

        AbiFormatException e = assertThrows(AbiFormatException.class, () -> AbiReader.read(file));

        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().startsWith(file + ":1:2: [0]: "), e.getMessage());
    }

    private static List<String> names(List<AbiContract> contracts) {
        return contracts.stream().map(AbiContract::name).toList();
    }

    private static List<String> signatures(AbiContract contract) {
        return contract.events().stream().map(AbiEvent::signature).toList();
    }
}
