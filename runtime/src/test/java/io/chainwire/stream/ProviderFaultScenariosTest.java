package io.chainwire.stream;

import static io.chainwire.stream.SimulationAssertions.backfillAndFollow;

import io.chainwire.stream.simulation.Faults;
import io.chainwire.stream.simulation.Scenario;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Honest faults outside the default mix: what real providers do now and then that today's engine does not yet survive.
 * Each test switches one on for a few seeds on the only node; the oracle must hold. Disabled tests say what the engine
 * must do; once one passes, enable it and add the fault to {@link Scenario#fromSeed}'s mix.
 */
class ProviderFaultScenariosTest {
    private static final int SEEDS = 4;

    @Test
    void internalErrorsAreRetried() {
        assertOracleHolds(fault -> fault.internalErrors = 0.05);
    }

    @Test
    void headerNotFoundIsRetried() {
        assertOracleHolds(fault -> fault.headerNotFound = 0.05);
    }

    @Test
    void anAbsurdRetryAfterIsCapped() {
        assertOracleHolds(fault -> {
            fault.rateLimits = 0.02;
            fault.absurdRetryAfter = true;
        });
    }

    @Test
    void aReorganisationForkingBelowTheStartBlockIsRolledBack() {
        SimulationAssertions.assertOracleHolds(SEEDS, seed -> {
            Scenario scenario = backfillAndFollow(seed, false);
            scenario.initialBlocks = 20;
            scenario.fromBlock = 18;
            scenario.finalityDistance = -1;
            scenario.reorgs = 2;
            scenario.maxReorgDepth = 6;
            scenario.reorgsBelowStart = true;
            return scenario;
        });
    }

    @Test
    void rateLimitsWithRetryAfterAreHonoured() {
        assertOracleHolds(fault -> {
            fault.rateLimits = 0.2;
            fault.retryAfterSeconds = 5;
        });
    }

    @Test
    void rangeAndResultLimitsAreLearned() {
        assertOracleHolds(fault -> {
            fault.maxRange = 7;
            fault.maxResults = 40;
        });
    }

    private static void assertOracleHolds(Consumer<Faults> fault) {
        SimulationAssertions.assertOracleHolds(SEEDS, seed -> {
            Scenario scenario = backfillAndFollow(seed, false);
            fault.accept(scenario.nodes.get(0));
            return scenario;
        });
    }
}
