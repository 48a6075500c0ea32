package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One node per top-level test class, injected wherever an Anvil parameter is declared. */
@AnvilTest
class AnvilExtensionTest {
    private static Anvil fromBeforeAll;
    private final Anvil fromConstructor;

    AnvilExtensionTest(Anvil anvil) {
        this.fromConstructor = anvil;
    }

    @BeforeAll
    static void remember(Anvil anvil) {
        fromBeforeAll = anvil;
    }

    @Test
    void constructorMethodAndLifecycleParametersShareOneNode(Anvil anvil) {
        assertSame(fromBeforeAll, anvil);
        assertSame(fromConstructor, anvil);
        assertTrue(anvil.blockNumber() >= 0);
    }

    @Test
    void everyTestOfTheClassGetsTheSameNode(Anvil anvil) {
        assertSame(fromBeforeAll, anvil);
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesShareTheOuterClassNode(Anvil anvil) {
            assertSame(fromBeforeAll, anvil);
        }
    }
}
