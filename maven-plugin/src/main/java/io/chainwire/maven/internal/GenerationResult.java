package io.chainwire.maven.internal;

/**
 * What one run of the {@code generate} goal did.
 *
 * @param abiFiles how many ABI files matched
 * @param classes how many classes the ABI files give
 * @param upToDate whether the inputs were unchanged, so nothing was read, generated or written
 * @param written how many source files were created or changed
 * @param deleted how many source files of earlier runs were deleted
 */
public record GenerationResult(
    int abiFiles, int classes, boolean upToDate, int written, int deleted) {}
