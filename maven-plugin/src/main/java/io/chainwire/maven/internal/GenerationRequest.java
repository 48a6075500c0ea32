package io.chainwire.maven.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings of one run of the {@code generate} goal.
 *
 * @param projectDirectory the project's base directory; messages and the state name paths relative to it
 * @param abiDirectory where ABI files are looked for
 * @param includes patterns of ABI files to read, relative to {@code abiDirectory}
 * @param excludes patterns of files to leave out
 * @param packageName the package of classes generated from files directly in {@code abiDirectory}
 * @param outputDirectory where Java sources are written
 * @param stateFile where the run records what it did, for the next run
 * @param toolVersion fingerprint of the generating code, from {@link ToolVersion}
 */
public record GenerationRequest(
        Path projectDirectory,
        Path abiDirectory,
        List<String> includes,
        List<String> excludes,
        String packageName,
        Path outputDirectory,
        Path stateFile,
        String toolVersion) {
    /** Copies the pattern lists. */
    public GenerationRequest {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }
}
