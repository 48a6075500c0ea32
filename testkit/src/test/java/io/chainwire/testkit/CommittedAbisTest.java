package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.chainwire.testkit.internal.JsonText;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ABI files committed next to the code that reads them are what the pinned solc makes of the committed Solidity
 * sources. Run with {@code -Dchainwire.updateAbis=true} to rewrite them after changing a source.
 */
class CommittedAbisTest {
    private static final boolean UPDATE = Boolean.getBoolean("chainwire.updateAbis");

    @ParameterizedTest
    @CsvSource({
        "samples/hello/src/main/solidity/Hello.sol, Hello, samples/hello/src/main/abi/Hello.json",
        "processor/src/test/solidity/AllShapes.sol, AllShapes, processor/src/test/resources/abi/AllShapes.json",
        "processor/src/test/solidity/AllShapes.sol, AllShapesErc721, processor/src/test/resources/abi/AllShapesErc721.json",
    })
    void committedAbiMatchesItsSoliditySource(String source, String contract, String abiFile) throws IOException {
        String compiled =
                Solidity.compile(ProjectFiles.ROOT.resolve(source), contract).abi();
        Path committed = ProjectFiles.ROOT.resolve(abiFile);
        if (UPDATE) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, pretty(compiled));
        }
        assertEquals(
                compiled,
                JsonText.compact(Files.readString(committed)),
                abiFile + " is stale; see this test's Javadoc");
    }

    private static String pretty(String json) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        StringWriter text = new StringWriter();
        try (JsonParser parser = JsonText.FACTORY.createParser(json);
                JsonGenerator generator = JsonText.FACTORY.createGenerator(text).setPrettyPrinter(printer)) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        }
        return text + "\n";
    }
}
