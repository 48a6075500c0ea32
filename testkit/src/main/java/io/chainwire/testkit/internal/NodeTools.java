package io.chainwire.testkit.internal;

import io.chainwire.testkit.AnvilException;
import io.chainwire.testkit.SolidityException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the executables the testkit drives: the anvil binary, the solc npm package and node.
 *
 * <p>Each is looked up in order: a system property, an environment variable, then (for the npm packages) a
 * {@code node_modules} folder in the working directory or any folder above it, which is where {@code npm ci} puts them.
 * Failing that, the error says how to install them where the test runs and lists every place tried.
 */
public final class NodeTools {
    private NodeTools() {}

    /** Returns the anvil executable: {@code chainwire.anvil}, {@code CHAINWIRE_ANVIL}, or node_modules. */
    public static Path anvil() {
        List<String> tried = new ArrayList<>();
        Path configured = configured("chainwire.anvil", "CHAINWIRE_ANVIL", tried, AnvilException::new);
        if (configured != null) {
            return configured;
        }
        // The platform package holds the real binary; node_modules/.bin/anvil is a node wrapper that
        // spawns it as a child, which would outlive a kill of the wrapper.
        String binary = isWindows() ? "anvil.exe" : "anvil";
        String platformPackage = "node_modules/@foundry-rs/anvil-" + platform() + "/bin/" + binary;
        Path found = findUpwards(platformPackage, tried);
        if (found == null) {
            found = findUpwards("node_modules/.bin/anvil", tried);
        }
        if (found == null) {
            throw new AnvilException(notFound("anvil", "-Dchainwire.anvil=/path/to/anvil or CHAINWIRE_ANVIL", tried));
        }
        return found;
    }

    /** Returns the solc npm package folder: {@code chainwire.solc}, {@code CHAINWIRE_SOLC}, or node_modules. */
    public static Path solcPackage() {
        List<String> tried = new ArrayList<>();
        Path configured = configured("chainwire.solc", "CHAINWIRE_SOLC", tried, SolidityException::new);
        if (configured != null) {
            return configured;
        }
        Path packageJson = findUpwards("node_modules/solc/package.json", tried);
        if (packageJson == null) {
            throw new SolidityException(notFound(
                    "the solc npm package", "-Dchainwire.solc=/path/to/node_modules/solc or CHAINWIRE_SOLC", tried));
        }
        return packageJson.getParent();
    }

    /** Returns the node command: {@code chainwire.node}, {@code CHAINWIRE_NODE}, or {@code node} on the PATH. */
    public static String node() {
        String property = System.getProperty("chainwire.node");
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("CHAINWIRE_NODE");
        return env != null && !env.isBlank() ? env : "node";
    }

    private static Path configured(
            String property, String env, List<String> tried, Function<String, RuntimeException> error) {
        String value = System.getProperty(property);
        String source = "system property " + property;
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
            source = "environment variable " + env;
        }
        if (value == null || value.isBlank()) {
            tried.add(property + " / " + env + " (not set)");
            return null;
        }
        Path path = Path.of(value).toAbsolutePath();
        if (!Files.exists(path)) {
            throw error.apply(source + " names " + path + ", which does not exist");
        }
        return path;
    }

    private static Path findUpwards(String relative, List<String> tried) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            tried.add(candidate.toString());
        }
        return null;
    }

    /** Says what is missing, how to install it where this test runs ({@link InstallAdvice}), and where it looked. */
    private static String notFound(String what, String override, List<String> tried) {
        return "cannot find " + what + ". " + InstallAdvice.forDirectory(Path.of("")) + " Or set " + override
                + ". Tried: " + String.join(", ", tried);
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String npmOs = os.startsWith("mac") || os.contains("darwin") ? "darwin" : isWindows() ? "win32" : "linux";
        String npmArch = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        return npmOs + "-" + npmArch;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
