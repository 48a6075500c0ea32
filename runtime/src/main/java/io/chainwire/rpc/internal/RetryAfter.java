package io.chainwire.rpc.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Parses an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3): delay seconds, or an HTTP date in any of its
 * three forms. Any value is made safe to use: a delay never exceeds {@link #MAX}, so that it converts to nanoseconds
 * without overflow however large the server's number.
 */
final class RetryAfter {
    /** The longest delay returned, about 292 years: the most that {@link Duration#toNanos()} holds. */
    static final Duration MAX = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);

    // IMF-fixdate (RFC 1123), then the obsolete RFC 850 and asctime forms that recipients must accept.
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US)
                    .withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));
    // More digits than this are more seconds than MAX.
    private static final int MAX_DIGITS = Long.toString(MAX.getSeconds()).length();

    private RetryAfter() {}

    /** Returns the delay the header asks for from {@code now}, or null if it is absent or unreadable. */
    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return seconds(value);
        }
        for (DateTimeFormatter format : DATES) {
            try {
                Instant at = ZonedDateTime.parse(value, format).toInstant();
                return at.isAfter(now) ? min(Duration.between(now, at)) : Duration.ZERO;
            } catch (DateTimeParseException e) {
                // Not this form; try the next.
            }
        }
        return null;
    }

    private static Duration seconds(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > MAX_DIGITS) {
            return MAX;
        }
        return min(Duration.ofSeconds(Long.parseLong(significant)));
    }

    private static Duration min(Duration delay) {
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
