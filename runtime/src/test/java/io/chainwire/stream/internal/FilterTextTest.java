package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.TopicFilter;
import io.chainwire.rpc.LogFilter;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The recorded text of a filter: what a change adds, which logs the old text matched, and the record of an unfinished
 * backfill of the additions.
 */
class FilterTextTest {
    private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final Hash PING = Hash.fromHex("0x" + "11".repeat(32));
    private static final Hash PONG = Hash.fromHex("0x" + "22".repeat(32));

    private static String text(List<Address> addresses, List<Hash> topic0) {
        TopicFilter.Builder topics = TopicFilter.builder();
        if (!topic0.isEmpty()) {
            topics.topic(0, topic0.toArray(Hash[]::new));
        }
        return FilterText.of(
                LogFilter.builder().addresses(addresses).topics(topics.build()).build());
    }

    private static RawLog log(Address address, Hash... topics) {
        return new RawLog(List.of(topics), Bytes.EMPTY, new LogMeta(address, 7, PING, PONG, 0, 0));
    }

    @Test
    void aFilterAddsWhatItMatchesBeyondTheRecordedOne() {
        String pingOfA = text(List.of(A), List.of(PING));
        assertTrue(FilterText.adds(pingOfA, text(List.of(A, B), List.of(PING))), "an address");
        assertTrue(FilterText.adds(pingOfA, text(List.of(A), List.of(PING, PONG))), "a topic value");
        assertTrue(FilterText.adds(pingOfA, text(List.of(), List.of(PING))), "any address");
        assertTrue(FilterText.adds(pingOfA, text(List.of(A), List.of())), "any topic");
        assertFalse(FilterText.adds(text(List.of(A, B), List.of(PING, PONG)), pingOfA), "a narrower filter");
        assertFalse(FilterText.adds(text(List.of(), List.of()), pingOfA), "under a filter of everything");
        assertFalse(FilterText.adds(pingOfA, pingOfA), "the same filter");
    }

    @Test
    void theMatcherOfARecordedTextMatchesWhatItsFilterAskedFor() {
        Predicate<RawLog> pingOfA = FilterText.matcher(text(List.of(A), List.of(PING)));
        assertTrue(pingOfA.test(log(A, PING)));
        assertTrue(pingOfA.test(log(A, PING, PONG)));
        assertFalse(pingOfA.test(log(B, PING)), "another address");
        assertFalse(pingOfA.test(log(A, PONG)), "another topic 0");
        assertFalse(pingOfA.test(log(A)), "no topic");
        Predicate<RawLog> everything = FilterText.matcher(text(List.of(), List.of()));
        assertTrue(everything.test(log(B)));
    }

    @Test
    void anUnfinishedBackfillIsRecordedInPlaceOfTheFilterUntilItIsDone() {
        String before = text(List.of(A), List.of(PING));
        String after = text(List.of(A, B), List.of(PING));
        FilterBackfill backfill = new FilterBackfill(before, after, 10, 50);
        assertEquals(Optional.of(backfill), FilterBackfill.parse(backfill.recordedText()));
        FilterBackfill halfway = backfill.after(30);
        assertEquals(
                Optional.of(new FilterBackfill(before, after, 31, 50)), FilterBackfill.parse(halfway.recordedText()));
        assertFalse(halfway.done());
        assertTrue(halfway.after(50).done());
        assertEquals(after, halfway.after(50).recordedText());
        assertEquals(Optional.empty(), FilterBackfill.parse(after));
    }
}
