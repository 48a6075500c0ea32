package io.chainwire.maven.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiReader;
import io.chainwire.codegen.java.ContractClassGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractPlannerTest {
    private static final String EVENTS = """
      [{"type": "event", "name": "Ping", "inputs": [{"name": "count", "type": "uint64"}]}]
      """;

    private static AbiSource source(String relativePath, String json) {
        return new AbiSource(relativePath, "src/main/abi/" + relativePath, json.getBytes(UTF_8));
    }

    private static InvalidAbiInputException planFails(AbiSource... sources) {
        return assertThrows(
                InvalidAbiInputException.class, () -> new ContractPlanner("com.example").plan(List.of(sources)));
    }

    private static List<String> paths(List<GeneratedSource> sources) {
        return sources.stream().map(GeneratedSource::relativePath).toList();
    }

    @Test
    void namesTheClassAfterTheContractInAPackageFromTheDirectories() throws Exception {
        List<GeneratedSource> sources = new ContractPlanner("com.example")
                .plan(List.of(
                        source("Ping.json", EVENTS),
                        source("ERC-721/v2/my-token.json", EVENTS),
                        source("hardhat/artifact.json", "{\"contractName\": \"Vault\", \"abi\": " + EVENTS + "}")));

        assertEquals(
                List.of(
                        "com/example/Ping.java",
                        "com/example/erc_721/v2/MyToken.java",
                        "com/example/hardhat/Vault.java"),
                paths(sources));
    }

    @Test
    void namesContractsEventAndFilterAndJavaLangNamesAsTheProcessorDoes() throws Exception {
        List<GeneratedSource> sources = new ContractPlanner("com.example")
                .plan(List.of(
                        source("Event.json", EVENTS),
                        source("Filter.json", EVENTS),
                        source("Object.json", EVENTS),
                        source("record.json", EVENTS)));

        assertEquals(
                List.of(
                        "com/example/EventContract.java",
                        "com/example/FilterContract.java",
                        "com/example/Object.java",
                        "com/example/Record.java"),
                paths(sources));
        AbiContract event = AbiReader.read("Event.json", EVENTS.getBytes(UTF_8)).get(0);
        assertEquals(
                new ContractClassGenerator()
                        .generate(event, "com.example", "EventContract")
                        .toString(),
                sources.get(0).content());
    }

    @Test
    void generatesAContractWithoutEventsWithANoteSayingSo() throws Exception {
        List<GeneratedSource> sources = new ContractPlanner("com.example")
                .plan(List.of(
                        source("Ping.json", EVENTS),
                        source("lib/Library.json", "[{\"type\": \"function\", \"name\": \"f\"}]")));

        assertEquals(List.of("com/example/Ping.java", "com/example/lib/Library.java"), paths(sources));
        assertEquals(List.of(), sources.get(0).notes());
        assertEquals(
                List.of("src/main/abi/lib/Library.json: contract \"Library\" declares no events, so"
                        + " com.example.lib.Library has no event records and its decode rejects every log;"
                        + " check that the file holds the contract's whole ABI if it emits events"),
                sources.get(1).notes());
    }

    @Test
    void generatesAClassPerContractOfCombinedJson() throws Exception {
        String combined = "{\"contracts\": {\"src/Pair.sol:Pair\": {\"abi\": "
                + EVENTS
                + "}, \"src/Pair.sol:Factory\": {\"abi\": "
                + EVENTS
                + "}}}";

        List<GeneratedSource> sources =
                new ContractPlanner("com.example").plan(List.of(source("combined.json", combined)));

        assertEquals(List.of("com/example/Pair.java", "com/example/Factory.java"), paths(sources));
    }

    @Test
    void rejectsTwoContractsThatMapToOneClassNamingBothFiles() {
        InvalidAbiInputException e = planFails(
                source("Token.json", EVENTS),
                source("truffle.json", "{\"contractName\": \"token\", \"abi\": " + EVENTS + "}"));

        assertEquals(
                List.of("src/main/abi/truffle.json: contract \"token\" maps to class com.example.Token, as does"
                        + " contract \"Token\" in src/main/abi/Token.json; rename one contract or move one"
                        + " file to another directory"),
                e.problems());
    }

    @Test
    void rejectsAContractNameWithoutUsableCharacters() {
        InvalidAbiInputException e = planFails(source("---.json", EVENTS));

        assertEquals(
                List.of("src/main/abi/---.json: contract name \"---\" has no characters usable in a Java class"
                        + " name; rename the contract or the file"),
                e.problems());
    }

    @Test
    void reportsMalformedFilesAndClashesTogether() {
        InvalidAbiInputException e =
                planFails(source("A.json", "{}"), source("Ping.json", EVENTS), source("ping.json", EVENTS));

        assertEquals(2, e.problems().size());
        assertEquals(
                "2 problems in ABI input:" + System.lineSeparator() + "  "
                        + e.problems().get(0) + System.lineSeparator() + "  "
                        + e.problems().get(1),
                e.getMessage());
    }
}
