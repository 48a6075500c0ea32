package io.chainwire.checkpoint;

import io.chainwire.checkpoint.internal.RecentBlocks;
import io.chainwire.checkpoint.internal.SqlStore;
import io.chainwire.checkpoint.internal.Tables;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A checkpoint store in a SQL database, {@linkplain #transactional() transactional}: its tables
 * ({@code <prefix>blocks}, {@code <prefix>delivered_logs}, {@code <prefix>dead_letters},
 * {@code <prefix>schema_version}) are created when absent, and the schema version row lets a later chainwire migrate
 * them (tables of schema version 1 are migrated to 2 on open). Both kinds run the same SQL:
 * {@link SqliteCheckpointStore} in a file, {@link JdbcCheckpointStore} through a JDBC URL or data source.
 */
public abstract sealed class DatabaseCheckpointStore implements CheckpointStore
        permits SqliteCheckpointStore, JdbcCheckpointStore {
    private final SqlStore store;

    DatabaseCheckpointStore(SqlStore store) {
        this.store = store;
    }

    @Override
    public final Optional<Checkpoint> load(StreamId stream) {
        return store.load(stream);
    }

    @Override
    public final Optional<Lease> acquireLease(StreamId stream, String holder, Duration duration) {
        return store.acquireLease(stream, holder, duration);
    }

    @Override
    public final boolean renewLease(Lease lease) {
        return store.renewLease(lease);
    }

    @Override
    public final void releaseLease(Lease lease) {
        store.releaseLease(lease);
    }

    @Override
    public final UnitOfWork begin(Lease lease, Optional<BlockRef> base) {
        return store.begin(lease, base);
    }

    @Override
    public final UnitOfWork begin(StreamId stream) {
        return store.begin(stream);
    }

    @Override
    public final List<DeadLetter> deadLetters(StreamId stream, int limit) {
        return store.deadLetters(stream, limit);
    }

    @Override
    public final int recentBlocks() {
        return store.recentBlocks();
    }

    @Override
    public final boolean transactional() {
        return store.transactional();
    }

    @Override
    public final void close() {
        store.close();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + store + "]";
    }

    /**
     * What both database stores' builders configure.
     *
     * @param <B> the concrete builder
     */
    public abstract static sealed class Builder<B extends Builder<B>>
            permits SqliteCheckpointStore.Builder, JdbcCheckpointStore.Builder {
        Tables tables = Tables.withPrefix(Tables.DEFAULT_PREFIX);
        int recentBlocks = RecentBlocks.DEFAULT;

        Builder() {}

        /**
         * Sets the prefix of the store's table names (default {@code chainwire_}): 1 to 40 lowercase letters, digits
         * and underscores, starting with a letter.
         *
         * @throws IllegalArgumentException naming {@code tablePrefix} if the prefix is not valid
         */
        public final B tablePrefix(String prefix) {
            this.tables = Tables.withPrefix(prefix);
            return self();
        }

        /**
         * Sets how many recent handled blocks are kept per stream (default 128, at most 100000).
         *
         * @throws IllegalArgumentException naming {@code recentBlocks} if the count is out of range
         */
        public final B recentBlocks(int count) {
            this.recentBlocks = RecentBlocks.require(count);
            return self();
        }

        abstract B self();
    }
}
