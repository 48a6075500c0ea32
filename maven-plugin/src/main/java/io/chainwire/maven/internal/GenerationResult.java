package io.chainwire.maven.internal;

import java.util.List;

/**
 * What one run of the {@code generate} goal did.
 *
 * @param abiFiles how many ABI files matched
 * @param classes how many classes the ABI files give
 * @param upToDate whether the inputs were unchanged, so nothing was read, generated or written
 * @param written how many source files were created or changed
 * @param deleted how many source files of earlier runs were deleted
 * @param notes what the user should know about the generated classes, one line each; none when {@code upToDate}, as
 *     nothing was read
 */
public record GenerationResult(
        int abiFiles, int classes, boolean upToDate, int written, int deleted, List<String> notes) {
    /** Copies the notes. */
    public GenerationResult {
        notes = List.copyOf(notes);
    }
}
