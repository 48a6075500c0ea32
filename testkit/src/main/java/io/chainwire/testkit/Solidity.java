package io.chainwire.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import io.chainwire.testkit.internal.JsonText;
import io.chainwire.testkit.internal.NodeTools;
import io.chainwire.testkit.internal.SolcOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles Solidity sources with the pinned npm {@code solc} package (solcjs, run by node), for contracts that tests
 * deploy to {@link Anvil}.
 *
 * <p>The compiler is the {@code solc} package in a {@code node_modules} folder in the working directory or above, or
 * the folder named by the system property {@code chainwire.solc} or the environment variable {@code CHAINWIRE_SOLC};
 * {@code node} comes from the PATH unless {@code chainwire.node} or {@code CHAINWIRE_NODE} names it. The optimizer is
 * off. Imports are resolved in the source's folder and below.
 *
 * <p>Outputs are cached under {@code target/chainwire-solc/}, keyed by a SHA-256 of the compiler package, the compiler
 * input and every {@code .sol} file in the source's folder tree, so a test run that compiled a source before does not
 * start the compiler again.
 *
 * <pre>{@code
 * CompiledContract hello = Solidity.compile(Path.of("src/test/solidity/Hello.sol"), "Hello");
 * String abiJson = hello.abi();
 * Bytes creationCode = hello.bytecode();
 * }</pre>
 */
public final class Solidity {
    private static final Path CACHE = Path.of("target", "chainwire-solc");
    private static final long COMPILE_TIMEOUT_SECONDS = 300;
    private static final String SCRIPT = "internal/solc-standard-json.js";

    private Solidity() {}

    /**
     * Compiles {@code source} and returns its contract named {@code contract}.
     *
     * @throws SolidityException if solc rejects the source (with solc's messages) or the source has no such contract
     *     (with the names it has)
     */
    public static CompiledContract compile(Path source, String contract) {
        Map<String, CompiledContract> contracts = compile(source);
        CompiledContract compiled = contracts.get(contract);
        if (compiled == null) {
            throw new SolidityException(source + " has no contract " + contract + "; it has " + contracts.keySet());
        }
        return compiled;
    }

    /**
     * Compiles {@code source} and returns its contracts by name (imported files' contracts are left out).
     *
     * @throws SolidityException if the source cannot be read, solc rejects it (the message holds solc's errors with
     *     file, line and column), or solc cannot be run
     */
    public static Map<String, CompiledContract> compile(Path source) {
        Path file = source.toAbsolutePath().normalize();
        Path baseDirectory = file.getParent();
        String unit = file.getFileName().toString();
        try {
            String input = standardJsonInput(unit, Files.readString(file));
            Path solcPackage = NodeTools.solcPackage();
            String key = cacheKey(solcPackage, input, baseDirectory);
            Path cached = CACHE.resolve(key + ".json");
            String output = Files.exists(cached) ? Files.readString(cached) : null;
            boolean fresh = output == null;
            if (fresh) {
                output = run(solcPackage, baseDirectory, input, key);
            }
            SolcOutput result = read(output, unit, source);
            if (!result.errors().isEmpty()) {
                throw new SolidityException("solc " + version(solcPackage) + " rejected " + source + ":\n"
                        + String.join("\n\n", result.errors()));
            }
            if (fresh) {
                store(cached, output);
            }
            return result.contracts();
        } catch (IOException e) {
            throw new SolidityException("cannot compile " + source + ": " + e, e);
        }
    }

    private static String standardJsonInput(String unit, String content) throws IOException {
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = JsonText.FACTORY.createGenerator(json)) {
            generator.writeStartObject();
            generator.writeStringField("language", "Solidity");
            generator.writeObjectFieldStart("sources");
            generator.writeObjectFieldStart(unit);
            generator.writeStringField("content", content);
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeObjectFieldStart("settings");
            generator.writeObjectFieldStart("optimizer");
            generator.writeBooleanField("enabled", false);
            generator.writeEndObject();
            generator.writeObjectFieldStart("outputSelection");
            generator.writeObjectFieldStart(unit);
            generator.writeArrayFieldStart("*");
            generator.writeString("abi");
            generator.writeString("evm.bytecode.object");
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeEndObject();
        }
        return json.toString();
    }

    private static String cacheKey(Path solcPackage, String input, Path baseDirectory) throws IOException {
        MessageDigest digest = sha256();
        digest.update(Files.readAllBytes(solcPackage.resolve("package.json")));
        digest.update(input.getBytes(StandardCharsets.UTF_8));
        List<Path> sources;
        try (Stream<Path> files = Files.walk(baseDirectory)) {
            sources = files.filter(p -> p.toString().endsWith(".sol") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        for (Path sourceFile : sources) {
            digest.update(baseDirectory.relativize(sourceFile).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(sourceFile));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String run(Path solcPackage, Path baseDirectory, String input, String key) throws IOException {
        Files.createDirectories(CACHE);
        Path inputFile = CACHE.resolve(key + ".input.tmp");
        Path outputFile = CACHE.resolve(key + ".output.tmp");
        Path errorFile = CACHE.resolve(key + ".stderr.tmp");
        Files.writeString(inputFile, input);
        List<String> command =
                List.of(NodeTools.node(), "-e", script(), solcPackage.toString(), baseDirectory.toString());
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(inputFile.toFile())
                    .redirectOutput(outputFile.toFile())
                    .redirectError(errorFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new SolidityException(
                    "cannot run node (" + command.get(0) + "); install Node.js 20 or later, or set"
                            + " -Dchainwire.node or CHAINWIRE_NODE: " + e.getMessage(),
                    e);
        }
        try {
            if (!process.waitFor(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SolidityException("solc did not finish within " + COMPILE_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new SolidityException("solc (node " + solcPackage + ") exited with code " + process.exitValue()
                        + ":\n" + Files.readString(errorFile));
            }
            return Files.readString(outputFile);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SolidityException("interrupted while solc was running", e);
        } finally {
            Files.deleteIfExists(inputFile);
            Files.deleteIfExists(outputFile);
            Files.deleteIfExists(errorFile);
        }
    }

    private static SolcOutput read(String output, String unit, Path source) {
        try {
            return SolcOutput.read(output, unit);
        } catch (IllegalArgumentException e) {
            throw new SolidityException("unexpected solc output for " + source + ": " + e.getMessage(), e);
        }
    }

    /** Writes the cache entry through a temporary file, so a concurrent reader never sees half of it. */
    private static void store(Path cached, String output) throws IOException {
        Path temporary = Files.createTempFile(cached.getParent(), "solc-", ".tmp");
        Files.writeString(temporary, output);
        Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String version(Path solcPackage) throws IOException {
        return JsonText.stringField(
                Files.readString(solcPackage.resolve("package.json")), "version", "solc package.json");
    }

    private static String script() throws IOException {
        try (InputStream in = Solidity.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("testkit resource " + SCRIPT + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
