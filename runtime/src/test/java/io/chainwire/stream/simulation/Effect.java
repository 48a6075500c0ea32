package io.chainwire.stream.simulation;

import io.chainwire.abi.EventKey;
import io.chainwire.abi.RawLog;
import java.util.Objects;

/**
 * What the simulation's handler does for one delivery, staged in the unit of work and committed with the checkpoint: it
 * applies an event, or undoes one on its removal.
 *
 * @param log the log as delivered (its meta says {@code removed} for a removal)
 * @param removal true if this undoes the event
 */
public record Effect(RawLog log, boolean removal) {
    /** Checks that the log is there. */
    public Effect {
        Objects.requireNonNull(log, "log");
    }

    /** Returns the event's idempotency key. */
    public EventKey key() {
        return log.meta().eventKey();
    }

    /** Returns true if this effect comes before {@code other} in chain order (block, then log index). */
    public boolean before(Effect other) {
        long block = log.meta().blockNumber();
        long otherBlock = other.log.meta().blockNumber();
        return block != otherBlock
                ? block < otherBlock
                : log.meta().logIndex() < other.log.meta().logIndex();
    }

    @Override
    public String toString() {
        return (removal ? "-" : "+") + describe(log);
    }

    /** Describes a log briefly: block number and hash prefix, log index, contract. */
    public static String describe(RawLog log) {
        return "block " + log.meta().blockNumber() + " ("
                + log.meta().blockHash().toHex().substring(0, 10) + ") log "
                + log.meta().logIndex() + " of " + log.address().toHex().substring(0, 8) + "..";
    }
}
