package io.chainwire.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EventKeyTest {
    private static final Hash BLOCK = Hash.keccak256("block");
    private static final Hash OTHER_BLOCK = Hash.keccak256("other block");
    private static final Hash TX = Hash.keccak256("tx");

    @Test
    void logMetaGivesTheKeyOfItsEvent() {
        LogMeta meta = new LogMeta(Address.ZERO, 7, BLOCK, TX, 2, 5);
        assertEquals(new EventKey(BLOCK, TX, 5), meta.eventKey());
        assertEquals(meta.eventKey(), new LogMeta(Address.ZERO, 7, BLOCK, TX, 2, 5).eventKey());
    }

    @Test
    void theSameLogInAnotherBlockHasAnotherKey() {
        assertNotEquals(
                new LogMeta(Address.ZERO, 7, BLOCK, TX, 2, 5).eventKey(),
                new LogMeta(Address.ZERO, 7, OTHER_BLOCK, TX, 2, 5).eventKey());
    }

    @Test
    void refusesMissingOrNegativeParts() {
        assertThrows(NullPointerException.class, () -> new EventKey(null, TX, 0));
        assertEquals(
                "logIndex must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> new EventKey(BLOCK, TX, -1))
                        .getMessage());
    }
}
