package io.chainwire.checkpoint;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a stream recorded about itself next to its blocks, so that a restart can tell whether it still runs on the same
 * chain with the same filter, and which block it saw finalized: below that block it must never roll back, while
 * anything above is its own unfinal history.
 *
 * @param chainId the chain id of the nodes it followed, if recorded
 * @param filter the canonical text of its log filter (addresses and topics), if recorded
 * @param finalized the highest handled block the stream saw its node report as finalized, if any
 */
public record StreamRecord(OptionalLong chainId, Optional<String> filter, Optional<BlockRef> finalized) {
    /** A stream that recorded nothing yet. */
    public static final StreamRecord EMPTY = new StreamRecord(OptionalLong.empty(), Optional.empty(), Optional.empty());

    /** Checks that nothing is missing. */
    public StreamRecord {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(finalized, "finalized");
    }

    /** Returns this record with {@code chainId} and {@code filter}. */
    public StreamRecord withChain(long chainId, String filter) {
        return new StreamRecord(OptionalLong.of(chainId), Optional.of(filter), finalized);
    }

    /** Returns this record with {@code block} as the finalized block, unless a higher one is recorded. */
    public StreamRecord withFinalized(BlockRef block) {
        return finalized.isPresent() && finalized.get().number() >= block.number()
                ? this
                : new StreamRecord(chainId, filter, Optional.of(block));
    }
}
