package io.chainwire.maven.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs the {@code generate} goal incrementally. The fingerprint of the inputs (each ABI file's relative path and
 * content, the package, the output directory and the tool version) is compared with the one recorded by the last run;
 * when they match and its files still exist, nothing is done. Otherwise every class is generated again, files are
 * written only when their content changes, and files of the last run that no longer correspond to an ABI are deleted.
 *
 * <p>Before touching the output directory the state is marked pending, listing the old and new files: a run that fails
 * half-way is neither mistaken for an up-to-date one nor loses track of files it wrote. When the output directory
 * itself changes, the files in the old one are left alone (a {@code clean} removes them): only recorded files in the
 * current directory are deleted.
 */
public final class IncrementalGenerator {
    private IncrementalGenerator() {}

    /**
     * Runs the goal for {@code request}.
     *
     * @throws InvalidAbiInputException when an ABI file is malformed or two contracts map to one class; nothing is
     *     written then
     * @throws IOException when a file cannot be read or written
     */
    public static GenerationResult run(GenerationRequest request) throws InvalidAbiInputException, IOException {
        List<AbiSource> sources = new AbiSourceScanner(request.projectDirectory())
                .scan(request.abiDirectory(), request.includes(), request.excludes());
        String outputDirectory = RelativePaths.of(request.projectDirectory(), request.outputDirectory());
        String digest = digest(request, outputDirectory, sources);
        Optional<GenerationState> previous = GenerationState.read(request.stateFile());
        if (previous.isPresent()
                && previous.get().digest().equals(digest)
                && previous.get().outputDirectory().equals(outputDirectory)
                && previous.get().files().stream()
                        .allMatch(file ->
                                Files.isRegularFile(request.outputDirectory().resolve(file)))) {
            return new GenerationResult(sources.size(), previous.get().files().size(), true, 0, 0, List.of());
        }

        List<GeneratedSource> generated = new ContractPlanner(request.packageName()).plan(sources);
        Set<String> files =
                generated.stream().map(GeneratedSource::relativePath).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>();
        previous.filter(state -> state.outputDirectory().equals(outputDirectory))
                .ifPresent(state -> stale.addAll(state.files()));
        stale.removeAll(files);

        Set<String> tracked = new TreeSet<>(files);
        tracked.addAll(stale);
        new GenerationState(GenerationState.PENDING, outputDirectory, tracked).write(request.stateFile());
        SourceTreeWriter writer = new SourceTreeWriter(request.outputDirectory());
        int written = writer.write(generated);
        int deleted = writer.delete(stale);
        new GenerationState(digest, outputDirectory, files).write(request.stateFile());
        List<String> notes =
                generated.stream().flatMap(source -> source.notes().stream()).toList();
        return new GenerationResult(sources.size(), files.size(), false, written, deleted, notes);
    }

    private static String digest(GenerationRequest request, String outputDirectory, List<AbiSource> sources) {
        Fingerprint fingerprint = new Fingerprint()
                .add(request.toolVersion())
                .add(request.packageName())
                .add(outputDirectory)
                .add(Integer.toString(sources.size()));
        for (AbiSource source : sources) {
            fingerprint.add(source.relativePath()).add(source.content());
        }
        return fingerprint.hex();
    }
}
