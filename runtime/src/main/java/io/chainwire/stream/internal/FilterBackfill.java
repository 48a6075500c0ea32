package io.chainwire.stream.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backfill of what a stream's new filter adds to the filter its checkpoint was written with: the logs that {@code to}
 * matches and {@code from} does not, in blocks {@code next} to {@code last} (the blocks the stream handled under the
 * old filter). Until it is done, the checkpoint records it in place of the filter, one unit of work per backfilled
 * range, so a restart goes on from where it stopped and delivers nothing twice.
 *
 * @param from the canonical text of the filter the checkpoint was written with
 * @param to the canonical text of the stream's filter now
 * @param next the next block to backfill
 * @param last the last block to backfill: the checkpoint's head when the backfill began
 */
record FilterBackfill(String from, String to, long next, long last) {
    private static final Pattern TEXT = Pattern.compile("(.*) \\| adding to (.*) from block (\\d+) to block (\\d+)");

    /** Returns the backfill a recorded filter text describes, or empty if it is a filter's text. */
    static Optional<FilterBackfill> parse(String recorded) {
        Matcher matcher = TEXT.matcher(recorded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FilterBackfill(
                matcher.group(2),
                matcher.group(1),
                Long.parseLong(matcher.group(3)),
                Long.parseLong(matcher.group(4))));
    }

    /** Returns true if no block is left to backfill. */
    boolean done() {
        return next > last;
    }

    /** Returns this backfill once the blocks up to {@code block} are backfilled. */
    FilterBackfill after(long block) {
        return new FilterBackfill(from, to, block + 1, last);
    }

    /** Returns the text the checkpoint records: this backfill's, or the new filter's once it is done. */
    String recordedText() {
        return done() ? to : to + " | adding to " + from + " from block " + next + " to block " + last;
    }
}
