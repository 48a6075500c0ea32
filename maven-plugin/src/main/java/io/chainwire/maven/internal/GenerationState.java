package io.chainwire.maven.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the last run of the goal produced: the fingerprint of its inputs, the output directory and the files it wrote
 * there. It lets an unchanged build skip all work and a changed one delete only files it wrote itself.
 *
 * @param digest fingerprint of the inputs, or {@link #PENDING} while a run is writing files
 * @param outputDirectory the output directory, relative to the project
 * @param files the generated files, relative to the output directory with {@code /} separators
 */
public record GenerationState(String digest, String outputDirectory, Set<String> files) {
    /** The digest recorded while files are being written; it matches no fingerprint. */
    public static final String PENDING = "pending";

    private static final String HEADER = "chainwire generate state v1";

    /** Copies and sorts the file set. */
    public GenerationState {
        files = Collections.unmodifiableSet(new TreeSet<>(files));
    }

    /**
     * Reads the state written by {@link #write}. Empty when the file is missing or not in this format (an older plugin
     * wrote it, or it was edited): the next run then regenerates everything.
     */
    public static Optional<GenerationState> read(Path stateFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(stateFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.size() < 3
                || !lines.get(0).equals(HEADER)
                || !lines.get(1).startsWith("digest ")
                || !lines.get(2).startsWith("output ")) {
            return Optional.empty();
        }
        Set<String> files = new TreeSet<>();
        for (String line : lines.subList(3, lines.size())) {
            if (!line.startsWith("file ")) {
                return Optional.empty();
            }
            files.add(line.substring(5));
        }
        return Optional.of(
                new GenerationState(lines.get(1).substring(7), lines.get(2).substring(7), files));
    }

    /** Writes this state, replacing the file in one step where the file system allows it. */
    public void write(Path stateFile) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("digest " + digest);
        lines.add("output " + outputDirectory);
        files.forEach(file -> lines.add("file " + file));
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
