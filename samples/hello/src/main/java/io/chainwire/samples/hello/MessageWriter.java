package io.chainwire.samples.hello;

import io.chainwire.handler.EventContext;
import io.chainwire.samples.hello.contract.Hello;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A {@link HelloHandler} that keeps the {@code messages} table equal to the chain: it inserts a row per message and
 * deletes it again when a reorganisation removes the message. It writes through the stream's own connection, so each
 * row commits in the same transaction as the checkpoint of its block: a message is stored exactly once, whenever the
 * process stops, and by the one copy of the sample that holds the stream's lease. The message is stored as the chain
 * has it, byte for byte (see {@link RawMessage}).
 */
final class MessageWriter implements HelloHandler {
    @Override
    public void onMessageSent(Hello.MessageSent event, EventContext context) {
        Connection connection = context.connection()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "the messages table is written in the checkpoint's transaction, but the stream's checkpoint store is not transactional"));
        try {
            if (context.removed()) {
                MessageTable.delete(connection, event);
            } else {
                MessageTable.insert(connection, event, RawMessage.of(event, context));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot " + (context.removed() ? "delete" : "insert") + " the message of block "
                            + event.meta().blockNumber() + ", log "
                            + event.meta().logIndex() + " in table messages: " + e.getMessage(),
                    e);
        }
    }
}
