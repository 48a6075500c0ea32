package io.chainwire.samples.hello;

import io.chainwire.abi.LogMeta;
import io.chainwire.handler.EventContext;
import io.chainwire.samples.hello.contract.Hello;
import java.io.PrintStream;
import java.util.Objects;

/**
 * A {@link HelloHandler} that prints each message with its block, log index and sender, the message
 * {@linkplain RawMessage#readable readable} whatever bytes it holds.
 */
public final class MessagePrinter implements HelloHandler {
    private final PrintStream out;

    /** Creates a printer that writes one line per event to {@code out}. */
    public MessagePrinter(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onMessageSent(Hello.MessageSent event, EventContext context) {
        LogMeta meta = event.meta();
        out.printf(
                "%sblock %d, log %d: %s says \"%s\"%n",
                context.removed() ? "removed " : "",
                meta.blockNumber(),
                meta.logIndex(),
                event.from(),
                RawMessage.readable(RawMessage.of(event, context)));
    }
}
