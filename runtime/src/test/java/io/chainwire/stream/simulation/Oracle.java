package io.chainwire.stream.simulation;

import io.chainwire.abi.EventKey;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.DeadLetter;
import io.chainwire.stream.ErrorPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a finished simulation against the canonical chain, from what the store committed:
 *
 * <ul>
 *   <li>the journal of committed effects behaves as a stack: each event applied comes after the newest one still
 *       applied, in (block, log index) order, is a log the chain really holds and the stream asked for, and is not
 *       applied twice; each removal undoes the newest applied event, of a block no longer canonical, so removals come
 *       newest first and before the replacement branch;
 *   <li>the events left applied are exactly the canonical chain's matching logs from the start block up to the
 *       checkpoint's head, which is canonical, less those the error policy skipped or sent to the dead-letter table,
 *       which hold exactly those;
 *   <li>the stream got to the canonical head less its confirmations, unless it stopped on a handler failure that its
 *       policy says stops it.
 * </ul>
 */
public final class Oracle {
    /**
     * What the oracle needs to know about the stream.
     *
     * @param fromBlock the stream's start block
     * @param confirmations how deep a block must be to be delivered
     * @param policy the stream's error policy
     * @param stoppedByHandler the event whose failure stopped the stream under {@link ErrorPolicy#STOP}, if it did
     * @param failedAsExpected true if the stream ended on the failure its scenario expects: only the journal is judged,
     *     not where it ended
     */
    public record Expectations(
            long fromBlock,
            int confirmations,
            ErrorPolicy policy,
            Optional<EventKey> stoppedByHandler,
            boolean failedAsExpected) {}

    private final SimulatedChain chain;
    private final SimulationHandler handler;
    private final Expectations expected;

    /** Creates the oracle of a stream over {@code chain} with {@code handler}. */
    public Oracle(SimulatedChain chain, SimulationHandler handler, Expectations expected) {
        this.chain = chain;
        this.handler = handler;
        this.expected = expected;
    }

    /** Returns the first violation in the committed state, or empty if there is none. */
    public Optional<String> check(SimulatedStore.State state) {
        Deque<Effect> applied = new ArrayDeque<>();
        Set<EventKey> appliedKeys = new HashSet<>();
        List<Effect> journal = state.effects();
        for (int i = 0; i < journal.size(); i++) {
            Effect effect = journal.get(i);
            String at = "committed effect " + (i + 1) + " of " + journal.size() + ", " + effect + ": ";
            Optional<String> wrong = effect.removal()
                    ? checkRemoval(effect, applied.peekLast())
                    : checkApplied(effect, applied.peekLast(), appliedKeys);
            if (wrong.isPresent()) {
                return Optional.of(at + wrong.get());
            }
            if (effect.removal()) {
                appliedKeys.remove(applied.removeLast().key());
            } else {
                applied.addLast(effect);
                appliedKeys.add(effect.key());
            }
        }
        if (expected.failedAsExpected) {
            return Optional.empty();
        }
        Optional<BlockRef> head = state.head();
        if (head.isPresent() && !chain.isCanonical(head.get().hash())) {
            return Optional.of("the checkpoint's head " + head.get() + " is not on the canonical chain");
        }
        long last = head.map(BlockRef::number).orElse(expected.fromBlock - 1);
        Optional<String> content = checkContent(new ArrayList<>(applied), last);
        if (content.isPresent()) {
            return content;
        }
        Optional<String> letters = checkDeadLetters(state.deadLetters(), last);
        if (letters.isPresent()) {
            return letters;
        }
        return checkProgress(last);
    }

    private Optional<String> checkApplied(Effect effect, Effect newest, Set<EventKey> appliedKeys) {
        RawLog log = effect.log();
        if (!SimulatedChain.watched(log)) {
            return Optional.of("made up: the stream asked for no such contract or event");
        }
        Optional<RawLog> real = chainLog(log.meta());
        if (real.isEmpty() || !real.get().equals(log)) {
            return Optional.of("made up: block " + log.meta().blockNumber() + " holds no such log"
                    + real.map(found -> " (it holds " + found + ")").orElse(""));
        }
        if (appliedKeys.contains(effect.key())) {
            return Optional.of("applied twice");
        }
        if (newest != null && !newest.before(effect)) {
            return Optional.of("out of order: the newest event applied before it is " + newest);
        }
        return Optional.empty();
    }

    private Optional<String> checkRemoval(Effect effect, Effect newest) {
        if (newest == null || !newest.key().equals(effect.key())) {
            return Optional.of("a removal of an event that is not the newest applied one"
                    + (newest == null ? " (none is applied)" : " (" + newest + ")"));
        }
        if (chain.isCanonical(effect.log().meta().blockHash())) {
            return Optional.of("a removal of an event whose block is still canonical");
        }
        return Optional.empty();
    }

    /** The log at the same position of the block it names, as the chain holds it, if the chain knows the block. */
    private Optional<RawLog> chainLog(LogMeta meta) {
        return chain.mined(meta.blockHash())
                .filter(block -> block.number() == meta.blockNumber())
                .flatMap(block -> block.logs().stream()
                        .filter(log -> log.meta().logIndex() == meta.logIndex())
                        .findFirst());
    }

    private Optional<String> checkContent(List<Effect> applied, long last) {
        List<RawLog> wanted = new ArrayList<>();
        for (RawLog log : chain.watchedLogs(expected.fromBlock, last)) {
            if (!handler.failsEveryTime(log)) {
                wanted.add(log);
            } else if (expected.policy == ErrorPolicy.STOP) {
                return Optional.of("the stream went past " + Effect.describe(log)
                        + ", which the handler fails on, although the error policy is STOP");
            }
        }
        for (int i = 0; i < Math.max(wanted.size(), applied.size()); i++) {
            RawLog want = i < wanted.size() ? wanted.get(i) : null;
            RawLog got = i < applied.size() ? applied.get(i).log() : null;
            if (want == null || !want.equals(got)) {
                return Optional.of(
                        "the events applied up to the checkpoint's head (block " + last + ") differ from the chain's: "
                                + (want == null
                                        ? ""
                                        : "missing " + Effect.describe(want) + ", the chain's event " + (i + 1) + " of "
                                                + wanted.size() + "; ")
                                + (got == null ? "" : "applied " + Effect.describe(got) + " at that place")
                                + (got == null ? " (" + applied.size() + " applied)" : ""));
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkDeadLetters(List<DeadLetter> letters, long last) {
        List<RawLog> recorded = letters.stream()
                .filter(letter -> !letter.orphaned())
                .map(DeadLetter::log)
                .toList();
        List<RawLog> wanted = expected.policy != ErrorPolicy.DEAD_LETTER
                ? List.of()
                : chain.watchedLogs(expected.fromBlock, last).stream()
                        .filter(handler::failsEveryTime)
                        .toList();
        List<RawLog> sorted = new ArrayList<>(recorded);
        sorted.sort(Comparator.comparingLong((RawLog log) -> log.meta().blockNumber())
                .thenComparingInt(log -> log.meta().logIndex()));
        if (!sorted.equals(wanted)) {
            return Optional.of("the dead letters not orphaned (" + sorted.size()
                    + ") are not the chain's events the handler "
                    + "fails on up to block " + last + " (" + wanted.size() + ") under policy " + expected.policy
                    + first(sorted, wanted));
        }
        return Optional.empty();
    }

    private static String first(List<RawLog> got, List<RawLog> wanted) {
        for (int i = 0; i < Math.max(got.size(), wanted.size()); i++) {
            RawLog a = i < got.size() ? got.get(i) : null;
            RawLog b = i < wanted.size() ? wanted.get(i) : null;
            if (a == null || !a.equals(b)) {
                return ": first difference at " + (i + 1) + ", recorded " + (a == null ? "nothing" : Effect.describe(a))
                        + ", wanted " + (b == null ? "nothing" : Effect.describe(b));
            }
        }
        return "";
    }

    private Optional<String> checkProgress(long last) {
        if (expected.stoppedByHandler.isPresent()) {
            EventKey key = expected.stoppedByHandler.get();
            Optional<RawLog> failed = chain.mined(key.blockHash())
                    .flatMap(block -> block.logs().stream()
                            .filter(log -> log.meta().logIndex() == key.logIndex())
                            .findFirst());
            if (failed.isEmpty() || !handler.failsEveryTime(failed.get())) {
                return Optional.of("the stream stopped on a handler failure on " + key
                        + ", which is no event the handler fails " + "on every time");
            }
            if (failed.get().meta().blockNumber() <= last) {
                return Optional.of("the stream stopped on a handler failure on " + Effect.describe(failed.get())
                        + " but its checkpoint is past it, at block " + last);
            }
            return Optional.empty();
        }
        long target = chain.head().number() - expected.confirmations;
        if (target >= expected.fromBlock && last != target) {
            return Optional.of("the stream stalled at block " + last + "; the chain's head is "
                    + chain.head().number() + " and the stream waits for " + expected.confirmations
                    + " confirmations, so it should be at " + target);
        }
        return Optional.empty();
    }
}
