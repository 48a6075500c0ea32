package io.chainwire.samples.hello;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The sample at work: the {@code messages} table and a checkpoint store in one database, and a stream that feeds the
 * contract's events to two handlers, a {@link MessageWriter} and a {@link MessagePrinter} (an event bus of two).
 * {@link HelloApp} runs it from the command line, {@link HelloDemo} against a node of its own. Services started on one
 * database share the stream's lease: one leads and writes, the others stand by ({@link StreamHandle#role()}).
 */
final class HelloService implements AutoCloseable {
    /** The stream's id, its key in the checkpoint table. */
    static final String STREAM_ID = "hello";

    private final CheckpointStore store;
    private final StreamHandle handle;

    private HelloService(CheckpointStore store, StreamHandle handle) {
        this.store = store;
        this.handle = handle;
    }

    /**
     * Creates the table if needed, opens the store and starts the stream.
     *
     * @param out where the printer writes a line per event
     * @throws SQLException if the table cannot be created
     */
    static HelloService start(HelloOptions options, PrintStream out) throws SQLException {
        try (Connection connection = options.database().connect()) {
            MessageTable.create(connection);
        }
        CheckpointStore store = options.database().openStore();
        try {
            EventStream.Builder stream = EventStream.builder().id(STREAM_ID);
            options.endpoints().forEach(stream::endpoint);
            StreamHandle handle = stream.address(options.contract())
                    .fromBlock(options.fromBlock())
                    .confirmations(options.confirmations())
                    .maxRange(options.maxRange())
                    .lease(options.lease(), options.lease().dividedBy(3))
                    .checkpointStore(store)
                    .handler(
                            new HelloHandlerDispatcher(new MessageWriter()),
                            new HelloHandlerDispatcher(new MessagePrinter(out)))
                    .build()
                    .start();
            return new HelloService(store, handle);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Returns the running stream. */
    StreamHandle handle() {
        return handle;
    }

    /** Stops the stream (the block in progress commits or rolls back), then closes the store. */
    @Override
    public void close() {
        try {
            handle.close();
        } finally {
            store.close();
        }
    }
}
