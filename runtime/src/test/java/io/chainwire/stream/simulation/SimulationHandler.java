package io.chainwire.stream.simulation;

import io.chainwire.abi.AbiDecoder;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.handler.TransientHandlerException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simulation's handler, a dispatcher written by hand: it records every call, decodes each event (the amount of a
 * {@code Deposit} or {@code Withdrawal}) with the production decoder and stages its effect in the store's open unit of
 * work, so effects commit with the checkpoint. Scripted failures: some events fail transiently a few times before they
 * succeed (staging an effect first, which the unit of work must undo), and some fail every time, as do events whose
 * data does not decode. Which ones is a function of the event and the script's salt, the same for its removal and
 * across restarts.
 */
public final class SimulationHandler implements EventDispatcher {
    /**
     * Which events fail.
     *
     * @param salt varies the choice between seeds
     * @param transientShare the share of deliveries that fail transiently at first
     * @param maxTransientFailures the most times in a row one delivery fails transiently
     * @param failingShare the share of events that fail every time
     */
    public record Script(long salt, double transientShare, int maxTransientFailures, double failingShare) {
        /** No scripted failures. */
        public static Script none() {
            return new Script(0, 0, 0, 0);
        }
    }

    private final SimulatedStore store;
    private final Trace trace;
    private final Script script;
    private final Map<String, Integer> transientLeft = new HashMap<>();
    private final List<Effect> calls = new ArrayList<>();

    /** Creates the handler, staging effects in {@code store}. */
    public SimulationHandler(SimulatedStore store, Trace trace, Script script) {
        this.store = Objects.requireNonNull(store, "store");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.script = Objects.requireNonNull(script, "script");
    }

    @Override
    public Set<Hash> topics() {
        return SimulatedChain.HANDLED_TOPICS;
    }

    /** Returns every call the handler received, in order: the log and whether it was a removal. */
    public List<Effect> calls() {
        return Collections.unmodifiableList(calls);
    }

    @Override
    public boolean dispatch(RawLog log, EventContext context) {
        Effect effect = new Effect(log, context.removed());
        calls.add(effect);
        String what = (context.removed() ? "removal of " : "") + Effect.describe(log);
        String delivery = context.key() + (context.removed() ? "-" : "+");
        int left = transientLeft.computeIfAbsent(delivery, key -> transientFailures(log));
        if (left > 0) {
            transientLeft.put(delivery, left - 1);
            store.current().stage(effect);
            trace.add("handler fails transiently on " + what);
            throw new TransientHandlerException("simulated transient failure on " + what);
        }
        String signature =
                log.topic(0).equals(SimulatedChain.DEPOSIT_TOPIC) ? SimulatedChain.DEPOSIT : SimulatedChain.WITHDRAWAL;
        AbiDecoder.checkTopics(log, log.topic(0), 2, signature);
        AbiDecoder.data(log, signature).readBigInteger(0, 256, false, "amount");
        if (scriptedFailure(log)) {
            trace.add("handler fails on " + what);
            throw new IllegalStateException("simulated failure on " + what);
        }
        store.current().stage(effect);
        trace.add("handler " + effect);
        return true;
    }

    /** Returns true if every delivery of {@code log} fails: its data does not decode, or the script says so. */
    public boolean failsEveryTime(RawLog log) {
        return log.data().length() < 32 || scriptedFailure(log);
    }

    private boolean scriptedFailure(RawLog log) {
        return script.failingShare > 0 && fraction(log, 1) < script.failingShare;
    }

    private int transientFailures(RawLog log) {
        if (script.transientShare <= 0 || fraction(log, 2) >= script.transientShare) {
            return 0;
        }
        return 1 + (int) (fraction(log, 3) * script.maxTransientFailures);
    }

    /** A number in [0, 1) fixed by the event (its transaction, topics and data, not its block) and the salt. */
    private double fraction(RawLog log, int purpose) {
        long mix = script.salt * 31 + purpose;
        mix = mix * 31 + log.meta().transactionHash().hashCode();
        mix = mix * 31 + log.topics().hashCode();
        mix = mix * 31 + log.data().hashCode();
        mix ^= mix >>> 33;
        mix *= 0xff51afd7ed558ccdL;
        mix ^= mix >>> 33;
        return (mix >>> 11) * 0x1.0p-53;
    }
}
