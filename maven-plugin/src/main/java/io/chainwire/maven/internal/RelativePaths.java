package io.chainwire.maven.internal;

import java.nio.file.Path;

/** Spells paths relative to a base directory the same way on every operating system. */
public final class RelativePaths {
    private RelativePaths() {}

    /**
     * Returns {@code path} relative to {@code base} with {@code /} separators, or the absolute path when no relative
     * path exists (another drive on Windows).
     */
    public static String of(Path base, Path path) {
        Path absoluteBase = base.toAbsolutePath().normalize();
        Path absolutePath = path.toAbsolutePath().normalize();
        if (!absolutePath.getRoot().equals(absoluteBase.getRoot())) {
            return absolutePath.toString();
        }
        String separator = absolutePath.getFileSystem().getSeparator();
        return absoluteBase.relativize(absolutePath).toString().replace(separator, "/");
    }
}
