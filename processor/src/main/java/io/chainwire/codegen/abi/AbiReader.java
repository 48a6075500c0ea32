package io.chainwire.codegen.abi;

import io.chainwire.codegen.abi.internal.AbiEntryReader;
import io.chainwire.codegen.abi.internal.JsonPath;
import io.chainwire.codegen.abi.internal.JsonTreeReader;
import io.chainwire.codegen.abi.internal.JsonValue;
import io.chainwire.codegen.abi.internal.JsonValue.JsonArray;
import io.chainwire.codegen.abi.internal.JsonValue.JsonObject;
import io.chainwire.codegen.abi.internal.JsonValue.JsonString;
import io.chainwire.codegen.abi.internal.Quotes;
import io.chainwire.codegen.abi.internal.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the events of contract ABIs from JSON, recognising the format by its shape:
 *
 * <ul>
 *   <li>a plain ABI: a JSON array of entries, one contract named after the file;
 *   <li>a build artifact: an object with an {@code abi} array, named by its {@code contractName} (Hardhat, Truffle) or
 *       else after the file (Foundry);
 *   <li>solc {@code --combined-json} output: an object whose {@code contracts} map keys such as
 *       {@code src/Token.sol:Token} to outputs holding an {@code abi} array or, from older solc, a string of JSON; one
 *       contract per key, named after its last {@code :}.
 * </ul>
 *
 * <p>Every problem is an {@link AbiFormatException} naming the file, the JSON path, the line and column, and what to
 * fix.
 */
public final class AbiReader {
    private static final String ACCEPTED_SHAPES = "expected a JSON array of ABI entries, an artifact object with an"
            + " \"abi\" array (Hardhat, Foundry, Truffle) or solc --combined-json output (an object with \"contracts\")";
    private static final int MAX_KEYS_SHOWN = 5;

    private AbiReader() {}

    /** Reads the ABI file at {@code file}; errors name the file as {@code file.toString()} does. */
    public static List<AbiContract> read(Path file) throws IOException, AbiFormatException {
        return read(file.toString(), Files.readAllBytes(file));
    }

    /**
     * Reads ABI JSON.
     *
     * @param sourceName the file name, shown in errors and giving the contract name where the JSON has none
     *     ({@code abi/Token.abi.json} gives {@code Token})
     * @param json the file content, UTF-8
     * @return the contracts, in file order: one, except for combined JSON
     */
    public static List<AbiContract> read(String sourceName, byte[] json) throws AbiFormatException {
        SourceFile source = new SourceFile(sourceName);
        JsonPath root = JsonPath.root();
        JsonValue document = JsonTreeReader.read(source, json)
                .orElseThrow(() -> source.error(root, 1, 1, "the file is empty: " + ACCEPTED_SHAPES));
        if (document instanceof JsonArray) {
            return List.of(new AbiContract(nameFromFile(source), AbiEntryReader.readEvents(source, document, root)));
        }
        if (document instanceof JsonObject object && object.get("abi") != null) {
            return List.of(artifact(source, object));
        }
        if (document instanceof JsonObject object && object.get("contracts") != null) {
            return combined(source, object.get("contracts"), root.key("contracts"));
        }
        String found = document instanceof JsonObject object ? objectWithKeys(object) : document.describe();
        throw source.error(root, document, ACCEPTED_SHAPES + ", found " + found);
    }

    private static AbiContract artifact(SourceFile source, JsonObject artifact) throws AbiFormatException {
        JsonPath root = JsonPath.root();
        JsonValue contractName = artifact.get("contractName");
        String name;
        if (contractName == null) {
            name = nameFromFile(source);
        } else if (contractName instanceof JsonString string && !string.value().isEmpty()) {
            name = string.value();
        } else {
            throw source.error(
                    root.key("contractName"),
                    contractName,
                    "\"contractName\" must be a non-empty string, found " + contractName.describe());
        }
        return new AbiContract(name, AbiEntryReader.readEvents(source, artifact.get("abi"), root.key("abi")));
    }

    private static List<AbiContract> combined(SourceFile source, JsonValue contracts, JsonPath path)
            throws AbiFormatException {
        if (!(contracts instanceof JsonObject byKey)) {
            throw source.error(
                    path,
                    contracts,
                    "\"contracts\" of solc --combined-json output must be an object mapping"
                            + " \"file:Contract\" to its outputs, found " + contracts.describe());
        }
        List<AbiContract> result = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : byKey.members().entrySet()) {
            JsonPath entryPath = path.key(entry.getKey());
            String name = entry.getKey().substring(entry.getKey().lastIndexOf(':') + 1);
            if (name.isEmpty()) {
                throw source.error(
                        entryPath,
                        entry.getValue(),
                        "the key does not end in a contract name: expected \"file:Contract\"");
            }
            result.add(new AbiContract(name, combinedAbi(source, entry.getValue(), entryPath)));
        }
        return result;
    }

    private static List<AbiEvent> combinedAbi(SourceFile source, JsonValue outputs, JsonPath path)
            throws AbiFormatException {
        if (!(outputs instanceof JsonObject object)) {
            throw source.error(path, outputs, "expected an object of compiler outputs, found " + outputs.describe());
        }
        JsonValue abi = object.get("abi");
        JsonPath abiPath = path.key("abi");
        if (abi == null) {
            throw source.error(
                    path, outputs, "no \"abi\": run solc with --combined-json abi (plus any other outputs you need)");
        }
        if (abi instanceof JsonString string) {
            // solc before 0.8.10 writes each ABI as a string holding JSON; errors point inside that string.
            abi = JsonTreeReader.read(source, string.value(), abiPath)
                    .orElseThrow(() ->
                            source.error(abiPath, string, "the \"abi\" string is empty: it should hold a JSON array"));
        } else if (!(abi instanceof JsonArray)) {
            throw source.error(
                    abiPath, abi, "expected an array of ABI entries or a string holding one, found " + abi.describe());
        }
        return AbiEntryReader.readEvents(source, abi, abiPath);
    }

    /** Derives a contract name from the file name: {@code out/Token.sol/Token.json} gives {@code Token}. */
    private static String nameFromFile(SourceFile source) throws AbiFormatException {
        String name = source.name()
                .substring(
                        Math.max(source.name().lastIndexOf('/'), source.name().lastIndexOf('\\')) + 1);
        name = stripSuffix(stripSuffix(name, ".json"), ".abi");
        if (name.isEmpty()) {
            throw source.error(
                    JsonPath.root(),
                    1,
                    1,
                    "cannot name the contract after the file " + source.name()
                            + ": rename the file to the contract's name, for example Token.json");
        }
        return name;
    }

    private static String stripSuffix(String name, String suffix) {
        boolean matches = name.toLowerCase(Locale.ROOT).endsWith(suffix);
        return matches ? name.substring(0, name.length() - suffix.length()) : name;
    }

    private static String objectWithKeys(JsonObject object) {
        if (object.members().isEmpty()) {
            return "an empty object";
        }
        String keys = object.members().keySet().stream()
                .limit(MAX_KEYS_SHOWN)
                .map(Quotes::quote)
                .collect(Collectors.joining(", "));
        return "an object with keys " + keys + (object.members().size() > MAX_KEYS_SHOWN ? ", ..." : "");
    }
}
