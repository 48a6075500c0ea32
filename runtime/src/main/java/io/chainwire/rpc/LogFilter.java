package io.chainwire.rpc;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.TopicFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The filter object of {@code eth_getLogs}: emitting contracts, a topic filter, and either a block range or one block
 * hash.
 *
 * <p>A stream keeps one filter and derives a filter per range with {@link #withRange(long, long)} or per block with
 * {@link #withBlockHash(Hash)}.
 */
public final class LogFilter {
    private final List<Address> addresses;
    private final TopicFilter topics;
    private final BlockTag fromBlock;
    private final BlockTag toBlock;
    private final Hash blockHash;

    private LogFilter(
            List<Address> addresses, TopicFilter topics, BlockTag fromBlock, BlockTag toBlock, Hash blockHash) {
        if (blockHash != null && (fromBlock != null || toBlock != null)) {
            throw new IllegalArgumentException("a log filter takes either blockHash or fromBlock/toBlock, not both");
        }
        if (fromBlock != null
                && toBlock != null
                && fromBlock.isNumber()
                && toBlock.isNumber()
                && fromBlock.number() > toBlock.number()) {
            throw new IllegalArgumentException("fromBlock " + fromBlock + " is after toBlock " + toBlock);
        }
        this.addresses = addresses;
        this.topics = topics;
        this.fromBlock = fromBlock;
        this.toBlock = toBlock;
        this.blockHash = blockHash;
    }

    /** Returns a builder for a filter on any contract and topic, with no block range. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the emitting contracts to match; empty means any contract. */
    public List<Address> addresses() {
        return addresses;
    }

    /** Returns the topic filter. */
    public TopicFilter topics() {
        return topics;
    }

    /** Returns the first block of the range, if set. */
    public Optional<BlockTag> fromBlock() {
        return Optional.ofNullable(fromBlock);
    }

    /** Returns the last block of the range, if set. */
    public Optional<BlockTag> toBlock() {
        return Optional.ofNullable(toBlock);
    }

    /** Returns the single block hash to match, if set. */
    public Optional<Hash> blockHash() {
        return Optional.ofNullable(blockHash);
    }

    /**
     * Returns this filter over blocks {@code from} to {@code to}, both included, without a block hash.
     *
     * @throws IllegalArgumentException if a bound is negative or {@code from > to}
     */
    public LogFilter withRange(long from, long to) {
        return new LogFilter(addresses, topics, BlockTag.number(from), BlockTag.number(to), null);
    }

    /** Returns this filter on the block with hash {@code hash}, without a block range. */
    public LogFilter withBlockHash(Hash hash) {
        return new LogFilter(addresses, topics, null, null, Objects.requireNonNull(hash, "hash"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogFilter that
                && addresses.equals(that.addresses)
                && topics.equals(that.topics)
                && Objects.equals(fromBlock, that.fromBlock)
                && Objects.equals(toBlock, that.toBlock)
                && Objects.equals(blockHash, that.blockHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addresses, topics, fromBlock, toBlock, blockHash);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("LogFilter[addresses=")
                .append(addresses)
                .append(", topics=")
                .append(topics);
        if (blockHash != null) {
            out.append(", blockHash=").append(blockHash);
        } else {
            out.append(", fromBlock=").append(fromBlock).append(", toBlock=").append(toBlock);
        }
        return out.append(']').toString();
    }

    /** Collects the parts of a {@link LogFilter}. */
    public static final class Builder {
        private final List<Address> addresses = new ArrayList<>();
        private TopicFilter topics = TopicFilter.any();
        private BlockTag fromBlock;
        private BlockTag toBlock;
        private Hash blockHash;

        private Builder() {}

        /** Adds emitting contracts to match (an OR list). */
        public Builder address(Address... anyOf) {
            return addresses(Arrays.asList(anyOf));
        }

        /** Adds emitting contracts to match (an OR list). */
        public Builder addresses(Collection<Address> anyOf) {
            for (Address address : anyOf) {
                Address value = Objects.requireNonNull(address, "address");
                if (!addresses.contains(value)) {
                    addresses.add(value);
                }
            }
            return this;
        }

        /** Sets the topic filter, for example one from a generated event's {@code filter()} method. */
        public Builder topics(TopicFilter filter) {
            this.topics = Objects.requireNonNull(filter, "topics");
            return this;
        }

        /** Sets the first block of the range. */
        public Builder fromBlock(BlockTag block) {
            this.fromBlock = Objects.requireNonNull(block, "fromBlock");
            return this;
        }

        /** Sets the first block of the range. */
        public Builder fromBlock(long number) {
            return fromBlock(BlockTag.number(number));
        }

        /** Sets the last block of the range (included). */
        public Builder toBlock(BlockTag block) {
            this.toBlock = Objects.requireNonNull(block, "toBlock");
            return this;
        }

        /** Sets the last block of the range (included). */
        public Builder toBlock(long number) {
            return toBlock(BlockTag.number(number));
        }

        /** Restricts the filter to the block with this hash; excludes a block range. */
        public Builder blockHash(Hash hash) {
            this.blockHash = Objects.requireNonNull(hash, "blockHash");
            return this;
        }

        /**
         * Returns the filter.
         *
         * @throws IllegalArgumentException if both a block hash and a range bound are set, or the range is backwards
         */
        public LogFilter build() {
            return new LogFilter(List.copyOf(addresses), topics, fromBlock, toBlock, blockHash);
        }
    }
}
