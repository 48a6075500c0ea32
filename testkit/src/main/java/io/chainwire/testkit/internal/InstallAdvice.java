package io.chainwire.testkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says how to install anvil and solc for a test that cannot find them, fitted to where the test runs: inside
 * chainwire's own build, in a project whose {@code package.json} already lists them, or in a project that has none yet.
 * The versions it names are those the testkit is built and tested with: chainwire's {@code package.json}, which the
 * build copies into the testkit jar.
 */
public final class InstallAdvice {
    /** The name in chainwire's own {@code package.json}: a test that finds it runs in chainwire's build. */
    static final String CHAINWIRE_NODE_TOOLS = "chainwire-node-tools";
    /** The npm packages the testkit runs: the node and the Solidity compiler. */
    static final List<String> PACKAGES = List.of("@foundry-rs/anvil", "solc");

    private InstallAdvice() {}

    /** Returns what to run, as one or two sentences, for a test whose working directory is {@code directory}. */
    public static String forDirectory(Path directory) {
        Path packageJson = nearest(directory, "package.json");
        if (packageJson != null) {
            Path folder = packageJson.getParent();
            PackageJson project = PackageJson.read(packageJson);
            if (project.name().equals(CHAINWIRE_NODE_TOOLS)) {
                return "Run `npm ci` in " + folder
                        + " (the Maven build of chainwire-testkit does this in its initialize phase).";
            }
            if (project.dependencies().keySet().containsAll(PACKAGES)) {
                String command = Files.exists(folder.resolve("package-lock.json")) ? "npm ci" : "npm install";
                return "Run `" + command + " --ignore-scripts` in " + folder + ", whose package.json lists them.";
            }
            return "Add them to " + packageJson + ": run `" + installCommand() + "` in " + folder + ".";
        }
        Path pom = nearest(directory, "pom.xml");
        Path folder = pom != null ? pom.getParent() : directory.toAbsolutePath().normalize();
        return "Run `" + installCommand() + "` in " + folder + ": it writes package.json and package-lock.json"
                + " (keep both with the project) and installs node_modules, where the tests find the tools.";
    }

    /** Returns the npm command that pins anvil and solc at the versions this testkit is tested with. */
    static String installCommand() {
        Map<String, String> pinned = PinnedVersions.VERSIONS;
        return PACKAGES.stream()
                .map(name -> pinned.containsKey(name) ? name + "@" + pinned.get(name) : name)
                .collect(Collectors.joining(" ", "npm install --save-dev --save-exact --ignore-scripts ", ""));
    }

    /** Returns the file {@code name} in {@code directory} or the nearest folder above it, or null. */
    private static Path nearest(Path directory, String name) {
        for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The versions in the package.json the testkit was built with, read once. */
    private static final class PinnedVersions {
        static final Map<String, String> VERSIONS = load();

        private static Map<String, String> load() {
            try (InputStream in = InstallAdvice.class.getResourceAsStream("package.json")) {
                // Absent when the classes run without the build's resources (an IDE): name no versions then.
                return in == null
                        ? Map.of()
                        : PackageJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                                .dependencies();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the testkit's package.json", e);
            }
        }
    }

    /**
     * The parts of a package.json that matter here: its name, and its dependencies of every kind with their versions.
     */
    record PackageJson(String name, Map<String, String> dependencies) {
        /** Reads {@code file}; one that cannot be read or parsed counts as empty, since this only gives advice. */
        static PackageJson read(Path file) {
            try {
                return parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                return new PackageJson("", Map.of());
            }
        }

        static PackageJson parse(String json) {
            String name = "";
            Map<String, String> dependencies = new LinkedHashMap<>();
            try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
                JsonText.expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "package.json");
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                        name = parser.getText();
                    } else if (field.equals("dependencies") || field.equals("devDependencies")) {
                        JsonText.expect(parser, value, JsonToken.START_OBJECT, "package.json " + field);
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String dependency = parser.currentName();
                            JsonText.expect(
                                    parser,
                                    parser.nextToken(),
                                    JsonToken.VALUE_STRING,
                                    "package.json " + field + "." + dependency);
                            dependencies.put(dependency, parser.getText());
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("malformed package.json: " + e.getMessage(), e);
            }
            return new PackageJson(name, Map.copyOf(dependencies));
        }
    }
}
