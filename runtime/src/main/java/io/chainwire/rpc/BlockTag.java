package io.chainwire.rpc;

import java.util.Objects;

/**
 * A block named by number or by tag ({@code latest}, {@code safe}, {@code finalized}, {@code earliest},
 * {@code pending}), as {@code eth_getBlockByNumber} and {@code eth_getLogs} take it.
 */
public final class BlockTag {
    /** The node's newest block. */
    public static final BlockTag LATEST = new BlockTag(-1, "latest");
    /** The newest block the consensus layer considers safe from reorganisation in practice. */
    public static final BlockTag SAFE = new BlockTag(-1, "safe");
    /** The newest finalized block; chainwire never rolls back below it. */
    public static final BlockTag FINALIZED = new BlockTag(-1, "finalized");
    /** The genesis block. */
    public static final BlockTag EARLIEST = new BlockTag(-1, "earliest");
    /** The block being built; it has no hash yet. */
    public static final BlockTag PENDING = new BlockTag(-1, "pending");

    private final long number;
    private final String tag;

    private BlockTag(long number, String tag) {
        this.number = number;
        this.tag = tag;
    }

    /**
     * Returns the block with number {@code number}.
     *
     * @throws IllegalArgumentException if {@code number} is negative
     */
    public static BlockTag number(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("a block number must not be negative, got " + number);
        }
        return new BlockTag(number, null);
    }

    /** Returns true if this names a block by number rather than by tag. */
    public boolean isNumber() {
        return tag == null;
    }

    /**
     * Returns the block number.
     *
     * @throws IllegalStateException if this is a tag
     */
    public long number() {
        if (tag != null) {
            throw new IllegalStateException("block \"" + tag + "\" is a tag, not a number");
        }
        return number;
    }

    /** Returns the JSON-RPC form: a {@code 0x} hex quantity or the tag name. */
    public String toParam() {
        return tag != null ? tag : "0x" + Long.toHexString(number);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlockTag that && number == that.number && Objects.equals(tag, that.tag);
    }

    @Override
    public int hashCode() {
        return tag != null ? tag.hashCode() : Long.hashCode(number);
    }

    /** Returns the decimal block number or the tag name. */
    @Override
    public String toString() {
        return tag != null ? tag : Long.toString(number);
    }
}
