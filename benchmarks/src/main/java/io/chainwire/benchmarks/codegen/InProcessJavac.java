package io.chainwire.benchmarks.codegen;

import io.chainwire.abi.RawLog;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** javac run in process, as Maven's compiler plugin runs it, against chainwire-abi, all generated classes need. */
final class InProcessJavac {
    private InProcessJavac() {}

    /**
     * Compiles every Java file under {@code sources} into {@code classes}, for Java 17, and returns how many files
     * there were.
     *
     * @throws IllegalStateException with javac's messages if compilation fails, or on a JRE
     */
    static int compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the benchmark on a JDK, not a JRE");
        }
        List<Path> files;
        try (Stream<Path> paths = Files.walk(sources)) {
            files = paths.filter(path -> path.toString().endsWith(".java")).toList();
        }
        Files.createDirectories(classes);
        StringWriter messages = new StringWriter();
        List<String> options =
                List.of("--release", "17", "-proc:none", "-classpath", abiClassPath(), "-d", classes.toString());
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            if (!javac.getTask(
                            messages, fileManager, null, options, null, fileManager.getJavaFileObjectsFromPaths(files))
                    .call()) {
                throw new IllegalStateException("javac failed:\n" + messages);
            }
        }
        return files.size();
    }

    private static String abiClassPath() throws IOException {
        try {
            return Path.of(RawLog.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the classes of chainwire-abi", e);
        }
    }
}
