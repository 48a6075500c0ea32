package io.chainwire.checkpoint.internal;

import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.DeadLetter;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.StreamRecord;
import io.chainwire.checkpoint.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checkpoint store over JDBC behind both database stores: one writer connection, kept between units of work and
 * replaced when it breaks, and a fresh connection for each read.
 */
public final class SqlStore implements CheckpointStore {
    private final ConnectionFactory writers;
    private final ConnectionFactory readers;
    private final String location;
    private final Schema schema;
    private final int recentBlocks;
    private final WriterGate gate;
    private Connection writer;
    // Whether a unit of work has handed the writer connection out to handlers (see SqlUnitOfWork).
    private volatile boolean writerHandedOut;

    private SqlStore(
            ConnectionFactory writers,
            ConnectionFactory readers,
            String location,
            Schema schema,
            int recentBlocks,
            Connection writer) {
        this.writers = writers;
        this.readers = readers;
        this.location = location;
        this.schema = schema;
        this.recentBlocks = recentBlocks;
        this.gate = new WriterGate(location);
        this.writer = writer;
    }

    /**
     * Connects with {@code writers}, creates the tables if absent and checks their schema version.
     *
     * @param writers opens the connection units of work write through
     * @param readers opens a connection for each read
     * @param location the database as errors name it; never with credentials
     * @throws CheckpointException if the database cannot be reached, is not supported, or holds tables of another
     *     schema version
     */
    public static SqlStore open(
            ConnectionFactory writers, ConnectionFactory readers, String location, Tables tables, int recentBlocks) {
        Connection connection;
        try {
            connection = writers.open();
        } catch (SQLException e) {
            throw new CheckpointException("could not connect to the checkpoint store " + location, e);
        }
        try {
            Schema schema = new Schema(tables, Dialect.of(connection, location));
            connection.setAutoCommit(false);
            schema.prepare(connection, location);
            connection.commit();
            connection.setAutoCommit(true);
            return new SqlStore(writers, readers, location, schema, recentBlocks, connection);
        } catch (SQLException e) {
            CheckpointException failure =
                    new CheckpointException("could not create the checkpoint tables in " + location, e);
            SqlUnitOfWork.discard(connection, failure);
            throw failure;
        } catch (RuntimeException e) {
            SqlUnitOfWork.discard(connection, e);
            throw e;
        }
    }

    @Override
    public Optional<Checkpoint> load(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try (Connection connection = readers.open()) {
            connection.setAutoCommit(false);
            try {
                // One transaction, so the record and the blocks are of one commit.
                StreamRecord record = schema.streams().record(connection, stream);
                return schema.blocks().checkpoint(connection, stream, record);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new CheckpointException(
                    "could not load the checkpoint of stream '" + stream + "' from " + location, e);
        }
    }

    @Override
    public Optional<Lease> acquireLease(StreamId stream, String holder, Duration duration) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(duration, "duration");
        return onReader(
                "take the lease of stream '" + stream + "'",
                connection -> schema.streams().acquire(connection, stream, holder, duration));
    }

    @Override
    public boolean renewLease(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        return onReader(
                "renew the lease of stream '" + lease.stream() + "'",
                connection -> schema.streams().renew(connection, lease));
    }

    @Override
    public void releaseLease(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        onReader("release the lease of stream '" + lease.stream() + "'", connection -> {
            schema.streams().release(connection, lease);
            return null;
        });
    }

    private <T> T onReader(String action, SqlCall<T> call) {
        try (Connection connection = readers.open()) {
            connection.setAutoCommit(true);
            return call.call(connection);
        } catch (SQLException e) {
            throw new CheckpointException("could not " + action + " in " + location, e);
        }
    }

    @Override
    public UnitOfWork begin(Lease lease, Optional<BlockRef> base) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(base, "base");
        return begin(lease.stream(), new SqlUnitOfWork.Fence(lease, base));
    }

    @Override
    public UnitOfWork begin(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        return begin(stream, null);
    }

    private UnitOfWork begin(StreamId stream, SqlUnitOfWork.Fence fence) {
        gate.enter();
        try {
            boolean kept = !writer.isClosed();
            if (!kept) {
                replaceWriter();
            }
            try {
                startTransaction(fence);
            } catch (SQLException e) {
                if (!kept || !writer.isClosed()) {
                    throw e;
                }
                // The kept connection broke while idle (the server restarted or ended its session): the
                // driver closed it at its first use, before anything was written, so a new one serves.
                replaceWriter();
                try {
                    startTransaction(fence);
                } catch (SQLException again) {
                    again.addSuppressed(e);
                    throw again;
                }
            }
            return new SqlUnitOfWork(
                    stream,
                    fence,
                    writer,
                    schema,
                    recentBlocks,
                    location,
                    gate::leave,
                    writerHandedOut,
                    () -> writerHandedOut = true);
        } catch (SQLException e) {
            CheckpointException failure = new CheckpointException(
                    "could not begin a unit of work for stream '" + stream + "' in " + location, e);
            SqlUnitOfWork.discard(writer, failure);
            gate.leave();
            throw failure;
        } catch (RuntimeException | Error e) {
            gate.leave();
            throw e;
        }
    }

    private void replaceWriter() throws SQLException {
        writer = writers.open();
        writerHandedOut = false;
    }

    /** Starts the writer's transaction, its waits bounded below the lease if under one. */
    private void startTransaction(SqlUnitOfWork.Fence fence) throws SQLException {
        writer.setAutoCommit(false);
        if (fence != null) {
            try (Statement statement = writer.createStatement()) {
                for (String sql : schema.streams().leaseTimeouts(fence.lease())) {
                    statement.execute(sql);
                }
            }
        }
    }

    @Override
    public List<DeadLetter> deadLetters(StreamId stream, int limit) {
        Objects.requireNonNull(stream, "stream");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        try (Connection connection = readers.open()) {
            return schema.deadLetters().list(connection, stream, limit);
        } catch (SQLException e) {
            throw new CheckpointException(
                    "could not read the dead letters of stream '" + stream + "' from " + location, e);
        }
    }

    @Override
    public int recentBlocks() {
        return recentBlocks;
    }

    @Override
    public boolean transactional() {
        return true;
    }

    @Override
    public void close() {
        gate.close(() -> {
            try {
                writer.close();
            } catch (SQLException e) {
                throw new CheckpointException("could not close the checkpoint store " + location, e);
            }
        });
    }

    @Override
    public String toString() {
        return location;
    }
}
