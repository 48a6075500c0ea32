package io.chainwire.maven.internal;

/**
 * One ABI file, read into memory once for fingerprinting and, when needed, parsing.
 *
 * @param relativePath path below the ABI directory with {@code /} separators, such as {@code tokens/Erc20.json}; its
 *     directories become sub-packages
 * @param displayPath path relative to the project, used in messages
 * @param content the file's bytes
 */
public record AbiSource(String relativePath, String displayPath, byte[] content) {
    /** Returns the directories of {@link #relativePath()}, empty for a file at the top. */
    public String directory() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
