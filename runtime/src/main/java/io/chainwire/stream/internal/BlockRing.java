package io.chainwire.stream.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The recent blocks a stream handled, lowest first, within a window of block numbers: a block stays until one
 * {@code depth} numbers higher is added, the same rule the checkpoint store keeps, so after a restart the ring starts
 * from the checkpoint's recent blocks. It is what a reorganisation is checked and rolled back against. Memory is
 * bounded by the window: at most {@code depth} blocks and the logs delivered from them.
 */
public final class BlockRing {
    private final int depth;
    private final ArrayDeque<RecentBlock> blocks = new ArrayDeque<>();

    /**
     * Creates an empty ring.
     *
     * @throws IllegalArgumentException if {@code depth} is not positive
     */
    public BlockRing(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive, got " + depth);
        }
        this.depth = depth;
    }

    /** Returns the window size in blocks. */
    public int depth() {
        return depth;
    }

    /**
     * Adds a handled block above the tip and forgets blocks that fell out of the window.
     *
     * @throws IllegalArgumentException if the block is not above the tip
     */
    public void add(RecentBlock block) {
        RecentBlock tip = blocks.peekLast();
        if (tip != null && block.number() <= tip.number()) {
            throw new IllegalArgumentException("block " + block.number() + " is not above the tip " + tip.number());
        }
        blocks.addLast(block);
        while (blocks.peekFirst().number() <= block.number() - depth) {
            blocks.removeFirst();
        }
    }

    /** Returns the highest block, if any. */
    public Optional<RecentBlock> tip() {
        return Optional.ofNullable(blocks.peekLast());
    }

    /** Returns the remembered block numbered {@code number}, if the ring holds it. */
    public Optional<RecentBlock> at(long number) {
        Iterator<RecentBlock> newest = blocks.descendingIterator();
        while (newest.hasNext()) {
            RecentBlock block = newest.next();
            if (block.number() <= number) {
                return block.number() == number ? Optional.of(block) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Returns true if the ring holds no block. */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Returns the blocks, highest first. */
    public List<RecentBlock> newestFirst() {
        List<RecentBlock> out = new ArrayList<>(blocks.size());
        blocks.descendingIterator().forEachRemaining(out::add);
        return out;
    }

    /** Removes and returns the blocks above {@code number}, highest first. */
    public List<RecentBlock> removeAbove(long number) {
        List<RecentBlock> removed = new ArrayList<>();
        Iterator<RecentBlock> newest = blocks.descendingIterator();
        while (newest.hasNext()) {
            RecentBlock block = newest.next();
            if (block.number() <= number) {
                break;
            }
            removed.add(block);
            newest.remove();
        }
        return removed;
    }
}
