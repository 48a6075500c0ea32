package io.chainwire.stream;

import io.chainwire.handler.EventDispatcher;
import io.chainwire.stream.internal.Environment;
import io.chainwire.stream.simulation.Scenario;
import io.chainwire.stream.simulation.SimulatedChain;
import io.chainwire.stream.simulation.SimulationResult;
import io.chainwire.stream.simulation.World;

/**
 * Runs a {@link Scenario} against the real engine, through its seam: the stream is built as a user builds it, but with
 * the simulation's {@link io.chainwire.stream.internal.Environment}, so that its clock, nodes, jitter and fetch threads
 * are the simulation's.
 */
public final class Simulation {
    private Simulation() {}

    /** Runs {@code scenario} and returns how it went: with several copies, all of them together. */
    public static SimulationResult run(Scenario scenario) {
        World world = new World(scenario);
        if (scenario.copies > 1) {
            return world.simulateCopies(
                    copy -> builder(scenario, world, copy.handler(), copy.metrics(), copy.environment())
                            .build()
                            .start());
        }
        EventStream stream = builder(scenario, world, world.handler, world.metrics(), world.environment())
                .build();
        return world.simulate(stream::start);
    }

    private static EventStream.Builder builder(
            Scenario scenario, World world, EventDispatcher handler, StreamMetrics metrics, Environment environment) {
        EventStream.Builder builder = EventStream.builder()
                .id(World.STREAM.value())
                .addresses(SimulatedChain.WATCHED)
                .fromBlock(scenario.fromBlock)
                .confirmations(scenario.confirmations)
                .checkpointStore(world.store)
                .handler(handler)
                .errorPolicy(scenario.policy)
                .pollInterval(scenario.pollInterval)
                .headTimeout(scenario.headTimeout)
                .maxRange(scenario.maxRange)
                .concurrency(scenario.concurrency)
                .verifyBackfill(scenario.verifyBackfill)
                .requestTimeout(scenario.requestTimeout)
                .startupTimeout(scenario.startupTimeout)
                .retryBackoff(scenario.initialBackoff, scenario.maxBackoff)
                .attemptsPerEndpoint(scenario.attemptsPerEndpoint)
                .handlerAttempts(scenario.handlerAttempts)
                .lease(scenario.leaseDuration, scenario.leaseRenewal)
                .metrics(metrics)
                .environment(environment);
        world.endpoints().forEach(builder::endpoint);
        if (scenario.chainIdConfigured) {
            builder.chainId(scenario.chainId);
        }
        return builder;
    }
}
