package io.chainwire.abi;

import java.util.List;
import java.util.Objects;

/**
 * A log as a node returns it: up to four topics, the data bytes, and where it came from. Nothing here has been checked
 * against an ABI; generated {@code decode} methods turn it into a typed event.
 */
public final class RawLog {
    /** The most topics a log can carry (the EVM's {@code LOG4}). */
    public static final int MAX_TOPICS = 4;

    private final List<Hash> topics;
    private final Bytes data;
    private final LogMeta meta;

    /**
     * Creates a log.
     *
     * @throws IllegalArgumentException if there are more than four topics
     */
    public RawLog(List<Hash> topics, Bytes data, LogMeta meta) {
        this.topics = List.copyOf(topics);
        this.data = Objects.requireNonNull(data, "data");
        this.meta = Objects.requireNonNull(meta, "meta");
        if (this.topics.size() > MAX_TOPICS) {
            throw new IllegalArgumentException("a log has at most 4 topics, got " + this.topics.size());
        }
    }

    /** Returns the topics, topic 0 first. */
    public List<Hash> topics() {
        return topics;
    }

    /** Returns the number of topics. */
    public int topicCount() {
        return topics.size();
    }

    /** Returns topic {@code index}. */
    public Hash topic(int index) {
        return topics.get(index);
    }

    /** Returns the data bytes. */
    public Bytes data() {
        return data;
    }

    /** Returns where the log came from. */
    public LogMeta meta() {
        return meta;
    }

    /** Returns the emitting contract. */
    public Address address() {
        return meta.address();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawLog that
                && topics.equals(that.topics)
                && data.equals(that.data)
                && meta.equals(that.meta);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topics, data, meta);
    }

    @Override
    public String toString() {
        return "RawLog[topics=" + topics + ", data=" + data + ", meta=" + meta + "]";
    }
}
