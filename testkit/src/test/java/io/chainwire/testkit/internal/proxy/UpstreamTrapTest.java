package io.chainwire.testkit.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The trap a TCP relay checks each read against, keeping the end of the previous read in front. */
class UpstreamTrapTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void springsOnceOnTheFirstMessageHoldingTheMarker() {
        UpstreamTrap trap = new UpstreamTrap();
        assertFalse(trap.springs(ascii("CCOMMIT\0Z")), "not armed");

        trap.arm(ascii("COMMIT\0"));

        assertFalse(trap.springs(ascii("CBEGIN\0Z")));
        assertTrue(trap.springs(ascii("CCOMMIT\0Z")));
        assertFalse(trap.springs(ascii("CCOMMIT\0Z")), "once per arming");
        assertEquals(1, trap.sprung());
    }

    @Test
    void findsAMarkerSplitBetweenTwoReads() {
        UpstreamTrap trap = new UpstreamTrap();
        trap.arm(ascii("COMMIT\0"));
        // The first read ends in "CCOM"; the second begins with "MIT\0" behind the kept "CCOM".
        assertFalse(trap.springs(ascii("xxCCOM"), 0, 6));

        assertTrue(trap.springs(ascii("CCOMMIT\0Z"), 4, 9));
    }

    @Test
    void ignoresAMarkerWhollyInTheBytesKeptFromTheLastRead() {
        UpstreamTrap trap = new UpstreamTrap();
        // Passed on before the trap was armed: only a marker that ends in the new bytes counts.
        byte[] window = ascii("COMMIT\0Zabc");
        trap.arm(ascii("COMMIT\0"));

        assertFalse(trap.springs(window, 8, window.length));
        assertTrue(trap.springs(window, 6, window.length), "ends in the first new byte");
    }

    @Test
    void aNewMarkerReplacesOneNotYetSeen() {
        UpstreamTrap trap = new UpstreamTrap();
        trap.arm(ascii("COMMIT\0"));
        trap.arm(ascii("ROLLBACK\0"));

        assertFalse(trap.springs(ascii("CCOMMIT\0Z")));
        assertTrue(trap.springs(ascii("CROLLBACK\0Z")));
    }
}
