package io.chainwire.maven.internal;

/**
 * One Java source file to write.
 *
 * @param relativePath path below the output directory with {@code /} separators, such as {@code
 *     com/example/tokens/Erc20.java}
 * @param content the source text
 */
public record GeneratedSource(String relativePath, String content) {}
