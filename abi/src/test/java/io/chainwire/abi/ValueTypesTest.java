package io.chainwire.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    private static final Hash ONE = Hash.fromHex("0x" + "00".repeat(31) + "01");
    private static final Hash TWO = Hash.fromHex("0x" + "00".repeat(31) + "02");
    private static final LogMeta META = new LogMeta(Address.ZERO, 7, ONE, TWO, 0, 3);

    @Test
    void hashRoundTripsHexAndRejectsOtherLengths() {
        assertEquals("0x" + "00".repeat(31) + "01", ONE.toString());
        assertEquals(ONE, Hash.of(ONE.toByteArray()));
        assertThrows(IllegalArgumentException.class, () -> Hash.fromHex("0x01"));
    }

    @Test
    void bytesAreImmutableValuesPrintedAsHex() {
        byte[] raw = {1, 2, (byte) 0xff};
        Bytes bytes = Bytes.of(raw);
        raw[0] = 9;
        assertEquals("0x0102ff", bytes.toString());
        assertEquals(Bytes.fromHex("0x0102FF"), bytes);
        assertEquals(3, bytes.length());
        assertEquals((byte) 0xff, bytes.get(2));
        assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("0x123"));
    }

    @Test
    void indexedStringIsTheKeccakOfItsUtf8Bytes() {
        assertEquals(Hash.keccak256("héllo"), Indexed.ofString("héllo").hash());
        assertEquals(Indexed.ofString("a"), Indexed.ofHash(Hash.keccak256("a")));
        assertEquals(Indexed.ofBytes(Bytes.fromHex("0x61")), Indexed.ofString("a"));
    }

    @Test
    void rawLogRejectsMoreThanFourTopics() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new RawLog(List.of(ONE, ONE, ONE, ONE, ONE), Bytes.EMPTY, META));
        assertTrue(e.getMessage().contains("at most 4 topics"), e.getMessage());
    }

    @Test
    void logMetaRejectsNegativePositions() {
        assertThrows(IllegalArgumentException.class, () -> new LogMeta(Address.ZERO, -1, ONE, TWO, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LogMeta(Address.ZERO, 1, ONE, TWO, 0, -1));
    }

    @Test
    void topicFilterMatchesOrListsPerPosition() {
        TopicFilter filter =
                TopicFilter.builder().topic(0, ONE).topic(2, ONE, TWO).build();
        assertEquals(3, filter.positions().size());
        assertTrue(filter.matches(new RawLog(List.of(ONE, TWO, TWO), Bytes.EMPTY, META)));
        assertTrue(filter.matches(new RawLog(List.of(ONE, ONE, ONE), Bytes.EMPTY, META)));
        assertEquals(false, filter.matches(new RawLog(List.of(TWO, TWO, TWO), Bytes.EMPTY, META)));
        assertEquals(false, filter.matches(new RawLog(List.of(ONE, TWO), Bytes.EMPTY, META)));
    }

    @Test
    void topicFilterDropsTrailingWildcardsAndMergesRepeatedPositions() {
        assertEquals(TopicFilter.any(), TopicFilter.builder().build());
        TopicFilter merged =
                TopicFilter.builder().topic(1, ONE).topic(1, TWO, ONE).build();
        assertEquals(List.of(List.of(), List.of(ONE, TWO)), merged.positions());
        assertNotEquals(TopicFilter.any(), merged);
    }
}
