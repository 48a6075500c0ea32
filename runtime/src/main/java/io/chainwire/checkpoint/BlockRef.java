package io.chainwire.checkpoint;

import io.chainwire.abi.Hash;
import java.util.Objects;

/**
 * A block as a checkpoint remembers it: its number, its hash and its parent's hash. The parent hash lets the stream
 * tell, after a restart, whether the chain it resumes on still extends the blocks it handled.
 *
 * @param number the block number
 * @param hash the block hash
 * @param parentHash the hash of the block's parent
 */
public record BlockRef(long number, Hash hash, Hash parentHash) {

    /** Validates that no field is missing and that the number is not negative. */
    public BlockRef {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parentHash, "parentHash");
        if (number < 0) {
            throw new IllegalArgumentException("block number must not be negative, got " + number);
        }
    }

    @Override
    public String toString() {
        return "block " + number + " (" + hash + ")";
    }
}
