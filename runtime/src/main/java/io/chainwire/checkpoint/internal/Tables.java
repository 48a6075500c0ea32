package io.chainwire.checkpoint.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of a store's tables, all starting with one validated prefix, so the names can be written into SQL without
 * quoting and never carry anything but an identifier.
 *
 * @param blocks the table of recent handled blocks per stream
 * @param deliveredLogs the table of the logs delivered from those blocks
 * @param deadLetters the dead-letter table
 * @param schemaVersion the one-row table holding the schema version
 * @param streams the table of one row per stream: its record, head and lease
 */
public record Tables(String blocks, String deliveredLogs, String deadLetters, String schemaVersion, String streams) {
    /** The prefix used unless configured otherwise. */
    public static final String DEFAULT_PREFIX = "chainwire_";

    // Lower case only: PostgreSQL folds unquoted names to lower case, SQLite ignores case; both then
    // agree. 40 characters leave room for the longest suffix within PostgreSQL's 63.
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /**
     * Returns the table names for {@code prefix}.
     *
     * @throws IllegalArgumentException naming {@code tablePrefix} if the prefix is not 1 to 40 lowercase letters,
     *     digits and underscores starting with a letter
     */
    public static Tables withPrefix(String prefix) {
        Objects.requireNonNull(prefix, "tablePrefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "tablePrefix must be 1 to 40 lowercase letters, digits and underscores, starting with a letter, got \""
                            + prefix
                            + "\"");
        }
        return new Tables(
                prefix + "blocks",
                prefix + "delivered_logs",
                prefix + "dead_letters",
                prefix + "schema_version",
                prefix + "streams");
    }
}
