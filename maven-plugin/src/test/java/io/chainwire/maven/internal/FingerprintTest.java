package io.chainwire.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void sameValuesGiveTheSameFingerprint() {
        assertEquals(
                new Fingerprint().add("a").add(new byte[] {1, 2}).hex(),
                new Fingerprint().add("a").add(new byte[] {1, 2}).hex());
    }

    @Test
    void valueBoundariesArePartOfTheFingerprint() {
        assertNotEquals(
                new Fingerprint().add("ab").add("c").hex(),
                new Fingerprint().add("a").add("bc").hex());
    }

    @Test
    void isSixtyFourHexDigits() {
        assertEquals(64, new Fingerprint().hex().length());
    }
}
