package io.chainwire.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PackageNamesTest {
    @Test
    void lowerCasesAndReplacesInPackageSegments() {
        assertEquals("tokens", PackageNames.packageSegment("Tokens"));
        assertEquals("erc_721", PackageNames.packageSegment("ERC-721"));
        assertEquals("counter_sol", PackageNames.packageSegment("Counter.sol"));
    }

    @Test
    void escapesLeadingDigitsAndKeywordsInPackageSegments() {
        assertEquals("_2024", PackageNames.packageSegment("2024"));
        assertEquals("class_", PackageNames.packageSegment("class"));
        assertEquals("__", PackageNames.packageSegment("_"));
    }

    @Test
    void acceptsOnlyDotSeparatedNonKeywordIdentifiersAsPackageNames() {
        assertTrue(PackageNames.isPackageName("com.example.contracts"));
        assertTrue(PackageNames.isPackageName("contracts"));
        assertFalse(PackageNames.isPackageName("com.example."));
        assertFalse(PackageNames.isPackageName("com.new.contracts"));
        assertFalse(PackageNames.isPackageName("com.example-contracts"));
        assertFalse(PackageNames.isPackageName("1com"));
    }
}
