package io.chainwire.maven.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;

/**
 * Writes generated sources under an output directory, touching a file only when its content changes (so timestamps stay
 * put and the compiler sees nothing new), and removes files that a previous run wrote and this one no longer produces.
 */
public final class SourceTreeWriter {
    private final Path outputDirectory;

    /** Creates a writer for {@code outputDirectory}. */
    public SourceTreeWriter(Path outputDirectory) {
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
    }

    /** Writes each source whose file is missing or differs; returns how many files were written. */
    public int write(Collection<GeneratedSource> sources) throws IOException {
        int written = 0;
        for (GeneratedSource source : sources) {
            Path file = outputDirectory.resolve(source.relativePath());
            byte[] content = source.content().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            written++;
        }
        return written;
    }

    /**
     * Deletes the given files (paths relative to the output directory) and the directories they leave empty, never the
     * output directory itself; returns how many files were deleted.
     */
    public int delete(Collection<String> relativePaths) throws IOException {
        int deleted = 0;
        for (String relativePath : relativePaths) {
            Path file = outputDirectory.resolve(relativePath).normalize();
            if (!file.startsWith(outputDirectory) || !Files.deleteIfExists(file)) {
                continue;
            }
            deleted++;
            for (Path directory = file.getParent();
                    !directory.equals(outputDirectory) && Files.isDirectory(directory);
                    directory = directory.getParent()) {
                try {
                    Files.delete(directory);
                } catch (DirectoryNotEmptyException e) {
                    break;
                }
            }
        }
        return deleted;
    }
}
