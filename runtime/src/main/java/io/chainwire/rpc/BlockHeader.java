package io.chainwire.rpc;

import io.chainwire.abi.Hash;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a block header that following a chain needs: its number, its hash and its parent's hash (to detect
 * reorganisations), its timestamp, and its logs bloom (to check an answer of {@code eth_getLogs} against the block),
 * which a node may leave out.
 *
 * @param number the block number
 * @param hash the block hash
 * @param parentHash the hash of the previous block
 * @param timestamp seconds since the Unix epoch
 * @param logsBloom the bloom of the block's logs, if the node sent it
 */
public record BlockHeader(long number, Hash hash, Hash parentHash, long timestamp, Optional<Bloom> logsBloom) {
    /** Validates that no field is missing or negative. */
    public BlockHeader {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parentHash, "parentHash");
        Objects.requireNonNull(logsBloom, "logsBloom");
        if (number < 0) {
            throw new IllegalArgumentException("number must not be negative, got " + number);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative, got " + timestamp);
        }
    }

    /** Creates a header without a logs bloom. */
    public BlockHeader(long number, Hash hash, Hash parentHash, long timestamp) {
        this(number, hash, parentHash, timestamp, Optional.empty());
    }

    /** Returns true if {@code next} names this block as its parent and follows it directly. */
    public boolean isParentOf(BlockHeader next) {
        return next.number == number + 1 && next.parentHash.equals(hash);
    }
}
