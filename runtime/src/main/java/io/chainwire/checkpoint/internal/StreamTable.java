package io.chainwire.checkpoint.internal;

import io.chainwire.abi.Hash;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.FencedException;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.StreamRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The SQL of the streams table, one row per stream: what the stream recorded about itself (chain id, filter, the
 * finalized block it saw), its last handled block, and its lease (holder, fencing epoch, expiry in milliseconds by the
 * database server's clock). A unit of work under a lease commits through one conditional update of this row, which
 * names the epoch and the head it began from; the row lock it takes orders it against a takeover.
 */
final class StreamTable {
    private final String create;
    private final String migrateHeads;
    private final String insertRow;
    private final String select;
    private final String acquire;
    private final String renew;
    private final String release;
    private final String fencedHead;
    private final String fencedHeadFromNone;
    private final String head;
    private final String recordChain;
    private final String recordFinalized;
    private final String describe;
    private final Dialect dialect;

    StreamTable(String streams, String blocks, Dialect dialect) {
        this.dialect = dialect;
        String now = dialect.nowMillis();
        create = "CREATE TABLE IF NOT EXISTS " + streams
                + " (stream_id VARCHAR(64) NOT NULL PRIMARY KEY, chain_id BIGINT, filter_text TEXT,"
                + " finalized_number BIGINT, finalized_hash VARCHAR(66), finalized_parent VARCHAR(66),"
                + " head_number BIGINT, head_hash VARCHAR(66),"
                + " holder VARCHAR(255), epoch BIGINT NOT NULL DEFAULT 0, lease_expires BIGINT)";
        migrateHeads = "INSERT INTO " + streams + " (stream_id, head_number, head_hash)"
                + " SELECT b.stream_id, b.block_number, b.block_hash FROM " + blocks + " b"
                + " WHERE b.block_number = (SELECT MAX(c.block_number) FROM " + blocks
                + " c WHERE c.stream_id = b.stream_id)";
        insertRow = "INSERT INTO " + streams + " (stream_id) VALUES (?) ON CONFLICT (stream_id) DO NOTHING";
        select = "SELECT chain_id, filter_text, finalized_number, finalized_hash, finalized_parent FROM " + streams
                + " WHERE stream_id = ?";
        acquire = "UPDATE " + streams + " SET"
                + " epoch = CASE WHEN holder = ? AND lease_expires > " + now + " THEN epoch ELSE epoch + 1 END,"
                + " holder = ?, lease_expires = " + now + " + ?"
                + " WHERE stream_id = ? AND (holder IS NULL OR lease_expires <= " + now
                + " OR holder = ?) RETURNING epoch";
        renew = "UPDATE " + streams + " SET lease_expires = " + now
                + " + ? WHERE stream_id = ? AND epoch = ? AND holder = ?";
        release = "UPDATE " + streams + " SET holder = NULL, lease_expires = NULL"
                + " WHERE stream_id = ? AND epoch = ? AND holder = ?";
        String setHead = "UPDATE " + streams + " SET head_number = ?, head_hash = ? WHERE stream_id = ? AND epoch = ?";
        fencedHead = setHead + " AND head_number = ? AND head_hash = ?";
        fencedHeadFromNone = setHead + " AND head_number IS NULL";
        head = "UPDATE " + streams + " SET head_number = ?, head_hash = ? WHERE stream_id = ?";
        recordChain = "UPDATE " + streams + " SET chain_id = ?, filter_text = ? WHERE stream_id = ?";
        recordFinalized = "UPDATE " + streams + " SET finalized_number = ?, finalized_hash = ?, finalized_parent = ?"
                + " WHERE stream_id = ? AND (finalized_number IS NULL OR finalized_number < ?)";
        describe = "SELECT epoch, head_number, head_hash FROM " + streams + " WHERE stream_id = ?";
    }

    /** Returns the statement creating the table when absent. */
    String createSql() {
        return create;
    }

    /** Returns the statement giving each stream of a schema version 2 store its row and head. */
    String migrateFromVersion2Sql() {
        return migrateHeads;
    }

    /** Reads what the stream recorded about itself; empty fields if it has no row. */
    StreamRecord record(Connection connection, StreamId stream) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, stream.value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return StreamRecord.EMPTY;
                }
                long chainId = row.getLong("chain_id");
                OptionalLong chain = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(chainId);
                Optional<String> filter = Optional.ofNullable(row.getString("filter_text"));
                long finalizedNumber = row.getLong("finalized_number");
                Optional<BlockRef> finalized = row.wasNull()
                        ? Optional.empty()
                        : Optional.of(new BlockRef(
                                finalizedNumber,
                                Hash.fromHex(row.getString("finalized_hash")),
                                Hash.fromHex(row.getString("finalized_parent"))));
                return new StreamRecord(chain, filter, finalized);
            }
        }
    }

    /** Takes or renews the lease; on a connection in auto-commit mode. */
    Optional<Lease> acquire(Connection connection, StreamId stream, String holder, Duration duration)
            throws SQLException {
        ensureRow(connection, stream);
        try (PreparedStatement statement = connection.prepareStatement(acquire)) {
            statement.setString(1, holder);
            statement.setString(2, holder);
            statement.setLong(3, duration.toMillis());
            statement.setString(4, stream.value());
            statement.setString(5, holder);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Lease(stream, holder, row.getLong(1), duration)) : Optional.empty();
            }
        }
    }

    /** Extends the lease if it is still held; on a connection in auto-commit mode. */
    boolean renew(Connection connection, Lease lease) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(renew)) {
            statement.setLong(1, lease.duration().toMillis());
            statement.setString(2, lease.stream().value());
            statement.setLong(3, lease.epoch());
            statement.setString(4, lease.holder());
            return statement.executeUpdate() == 1;
        }
    }

    /** Gives the lease up if it is still held; on a connection in auto-commit mode. */
    void release(Connection connection, Lease lease) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(release)) {
            statement.setString(1, lease.stream().value());
            statement.setLong(2, lease.epoch());
            statement.setString(3, lease.holder());
            statement.executeUpdate();
        }
    }

    /** Returns the statements bounding a transaction's waits below {@code lease}'s duration. */
    List<String> leaseTimeouts(Lease lease) {
        return dialect.leaseTimeoutsSql(lease.duration());
    }

    /**
     * Moves the stream's head to {@code to} if the lease's epoch is still current and the head is still {@code base};
     * returns false, changing nothing, otherwise.
     */
    boolean moveHeadFenced(Connection connection, Lease lease, Optional<BlockRef> base, BlockRef to)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(base.isPresent() ? fencedHead : fencedHeadFromNone)) {
            statement.setLong(1, to.number());
            statement.setString(2, to.hash().toHex());
            statement.setString(3, lease.stream().value());
            statement.setLong(4, lease.epoch());
            if (base.isPresent()) {
                statement.setLong(5, base.get().number());
                statement.setString(6, base.get().hash().toHex());
            }
            return statement.executeUpdate() == 1;
        }
    }

    /** Moves the stream's head to {@code to} whoever holds the lease, creating its row if needed. */
    void moveHead(Connection connection, StreamId stream, BlockRef to) throws SQLException {
        ensureRow(connection, stream);
        try (PreparedStatement statement = connection.prepareStatement(head)) {
            statement.setLong(1, to.number());
            statement.setString(2, to.hash().toHex());
            statement.setString(3, stream.value());
            statement.executeUpdate();
        }
    }

    /**
     * Returns why a unit of work on {@code base} under {@code lease} may not commit: the stream's epoch and head now.
     */
    FencedException fenced(Connection connection, Lease lease, Optional<BlockRef> base, String location)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(describe)) {
            statement.setString(1, lease.stream().value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return CheckpointRules.fenced(lease, base, 0, Optional.empty(), location);
                }
                long number = row.getLong("head_number");
                Optional<String> head = row.wasNull()
                        ? Optional.empty()
                        : Optional.of("block " + number + " (" + row.getString("head_hash") + ")");
                return CheckpointRules.fenced(lease, base, row.getLong("epoch"), head, location);
            }
        }
    }

    void recordChain(Connection connection, StreamId stream, long chainId, String filter) throws SQLException {
        ensureRow(connection, stream);
        try (PreparedStatement statement = connection.prepareStatement(recordChain)) {
            statement.setLong(1, chainId);
            statement.setString(2, filter);
            statement.setString(3, stream.value());
            statement.executeUpdate();
        }
    }

    void recordFinalized(Connection connection, StreamId stream, BlockRef block) throws SQLException {
        ensureRow(connection, stream);
        try (PreparedStatement statement = connection.prepareStatement(recordFinalized)) {
            statement.setLong(1, block.number());
            statement.setString(2, block.hash().toHex());
            statement.setString(3, block.parentHash().toHex());
            statement.setString(4, stream.value());
            statement.setLong(5, block.number());
            statement.executeUpdate();
        }
    }

    private void ensureRow(Connection connection, StreamId stream) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertRow)) {
            statement.setString(1, stream.value());
            statement.executeUpdate();
        }
    }
}
