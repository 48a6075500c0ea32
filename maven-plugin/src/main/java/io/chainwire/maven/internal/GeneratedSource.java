package io.chainwire.maven.internal;

import java.util.List;

/**
 * One Java source file to write.
 *
 * @param relativePath path below the output directory with {@code /} separators, such as
 *     {@code com/example/tokens/Erc20.java}
 * @param content the source text
 * @param notes what the user should know about the class, one line each, such as that its ABI declares no events;
 *     usually none
 */
public record GeneratedSource(String relativePath, String content, List<String> notes) {
    /** Copies the notes. */
    public GeneratedSource {
        notes = List.copyOf(notes);
    }
}
