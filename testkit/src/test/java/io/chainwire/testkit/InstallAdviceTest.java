package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.testkit.internal.InstallAdvice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test that cannot find anvil or solc is told the command that fits where it runs. */
class InstallAdviceTest {
    /** What a user runs: the versions of chainwire's own package.json, which the testkit is tested with. */
    private static final String INSTALL = "npm install --save-dev --save-exact --ignore-scripts @foundry-rs/anvil@"
            + pinned("@foundry-rs/anvil") + " solc@" + pinned("solc");

    @TempDir
    Path dir;

    @Test
    void insideChainwireItIsNpmCiInTheRoot() throws IOException {
        write("package.json", "{\"name\": \"chainwire-node-tools\", \"devDependencies\": {\"solc\": \"0.8.37\"}}");
        Path module = Files.createDirectories(dir.resolve("runtime-it"));

        assertEquals(
                "Run `npm ci` in " + dir + " (the Maven build of chainwire-testkit does this in its initialize phase).",
                InstallAdvice.forDirectory(module));
    }

    @Test
    void aProjectWithoutPackageJsonGetsTheInstallCommandForItsPomFolder() throws IOException {
        write("pom.xml", "<project/>");
        Path tests = Files.createDirectories(dir.resolve("src/test"));

        assertEquals(
                "Run `" + INSTALL + "` in " + dir + ": it writes package.json and package-lock.json (keep both with"
                        + " the project) and installs node_modules, where the tests find the tools.",
                InstallAdvice.forDirectory(tests));
    }

    @Test
    void outsideAnyProjectTheCommandNamesTheAbsoluteFolder() {
        Path relative = Path.of("").toAbsolutePath().relativize(dir);

        assertEquals(
                "Run `" + INSTALL + "` in " + dir + ": it writes package.json and package-lock.json (keep both with"
                        + " the project) and installs node_modules, where the tests find the tools.",
                InstallAdvice.forDirectory(relative));
    }

    @Test
    void aPackageJsonWithoutTheToolsGetsThemAdded() throws IOException {
        write("package.json", "{\"name\": \"shop\", \"devDependencies\": {\"solc\": \"0.8.37\"}}");

        assertEquals(
                "Add them to " + dir.resolve("package.json") + ": run `" + INSTALL + "` in " + dir + ".",
                InstallAdvice.forDirectory(dir));
    }

    @Test
    void aPackageJsonThatListsTheToolsIsInstalledFromItsLockFile() throws IOException {
        write(
                "package.json",
                "{\"name\": \"shop\", \"dependencies\": {\"@foundry-rs/anvil\": \"1.7.1\"},"
                        + " \"devDependencies\": {\"solc\": \"0.8.37\"}}");
        assertEquals(
                "Run `npm install --ignore-scripts` in " + dir + ", whose package.json lists them.",
                InstallAdvice.forDirectory(dir));

        write("package-lock.json", "{}");
        assertEquals(
                "Run `npm ci --ignore-scripts` in " + dir + ", whose package.json lists them.",
                InstallAdvice.forDirectory(dir));
    }

    @Test
    void anUnreadablePackageJsonCountsAsOneWithoutTheTools() throws IOException {
        write("package.json", "{\"name\": ");

        assertEquals(
                "Add them to " + dir.resolve("package.json") + ": run `" + INSTALL + "` in " + dir + ".",
                InstallAdvice.forDirectory(dir));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static String pinned(String name) {
        try {
            String json = Files.readString(ProjectFiles.ROOT.resolve("package.json"));
            Matcher version = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(json);
            if (!version.find()) {
                throw new IllegalStateException("package.json does not pin " + name);
            }
            return version.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
