package io.chainwire.maven.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.codehaus.plexus.util.DirectoryScanner;

/** Finds the ABI files under a directory with Maven's usual include and exclude patterns. */
public final class AbiSourceScanner {
    private final Path projectDirectory;

    /** Creates a scanner whose display paths are relative to {@code projectDirectory}. */
    public AbiSourceScanner(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    /**
     * Reads every file under {@code abiDirectory} that matches an include pattern and no exclude pattern, sorted by
     * relative path. A missing directory holds no files.
     */
    public List<AbiSource> scan(Path abiDirectory, List<String> includes, List<String> excludes) throws IOException {
        if (!Files.isDirectory(abiDirectory)) {
            return List.of();
        }
        DirectoryScanner scanner = new DirectoryScanner();
        scanner.setBasedir(abiDirectory.toFile());
        scanner.setIncludes(includes.toArray(String[]::new));
        scanner.setExcludes(excludes.toArray(String[]::new));
        scanner.addDefaultExcludes();
        scanner.scan();
        List<AbiSource> sources = new ArrayList<>();
        for (String included : scanner.getIncludedFiles()) {
            Path file = abiDirectory.resolve(included);
            sources.add(new AbiSource(
                    RelativePaths.of(abiDirectory, file),
                    RelativePaths.of(projectDirectory, file),
                    Files.readAllBytes(file)));
        }
        sources.sort(Comparator.comparing(AbiSource::relativePath));
        return List.copyOf(sources);
    }
}
