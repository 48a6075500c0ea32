package io.chainwire.testkit;

import io.chainwire.testkit.FaultProxy.Channel;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A failure a {@link FaultProxy} injects into the traffic between a client and its node, in place of or on top of
 * forwarding a message. A {@link FaultRule} says which messages get it.
 *
 * <p>The proxy sees two kinds of message: JSON-RPC requests (an HTTP POST, or a text message a WebSocket client sends)
 * and subscription notifications (a WebSocket message from the node whose method is {@code eth_subscription}). Each
 * fault applies to the {@linkplain #channels() channels} where it makes sense:
 *
 * <table>
 *   <caption>Faults and where they apply</caption>
 *   <tr><th>fault</th><th>HTTP request</th><th>WebSocket request or notification</th></tr>
 *   <tr><td>{@link #status(int)}, {@link #tooManyRequests(Duration)}</td>
 *       <td>answered with that status, never forwarded</td><td>-</td></tr>
 *   <tr><td>{@link #truncate()}</td><td>forwarded; the answer's JSON is cut in half</td><td>-</td></tr>
 *   <tr><td>{@link #delay(Duration)}</td><td>forwarded late</td><td>forwarded late</td></tr>
 *   <tr><td>{@link #drop()}</td><td>never forwarded nor answered: a stall</td>
 *       <td>never forwarded: a lost request or a swallowed notification</td></tr>
 *   <tr><td>{@link #reset()}</td><td>the connection is reset (TCP RST)</td>
 *       <td>both sides of the WebSocket are reset: an abrupt drop</td></tr>
 *   <tr><td>{@link #closeWebSocket()}</td><td>-</td>
 *       <td>the client gets a close frame (1001, going away) and the connection ends</td></tr>
 * </table>
 */
public sealed interface Fault {
    /**
     * Answers an HTTP request with {@code status} (and a short text body) instead of forwarding it, as an overloaded or
     * failing provider does: 500, 502, 503, 504, or 429 without {@code Retry-After}.
     *
     * @throws IllegalArgumentException if {@code status} is not between 400 and 599
     */
    static Fault status(int status) {
        return new HttpStatus(status);
    }

    /**
     * Answers an HTTP request with 429 Too Many Requests and {@code Retry-After}, in whole seconds (rounded up),
     * instead of forwarding it.
     *
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    static Fault tooManyRequests(Duration retryAfter) {
        return new TooManyRequests(retryAfter);
    }

    /**
     * Holds a message for {@code duration}, then forwards it. Longer than the client's timeout, it is a stall whose
     * answer comes too late.
     *
     * @throws IllegalArgumentException if {@code duration} is not positive
     */
    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Never forwards a message: an HTTP request stalls until the client gives up (or the proxy's
     * {@linkplain FaultProxy.Builder#maxHold(Duration) hold limit} passes) and its connection is closed; a WebSocket
     * request goes unanswered; a notification is swallowed.
     */
    static Fault drop() {
        return new Drop();
    }

    /**
     * Forwards an HTTP request and answers with only the first half of the node's JSON, under a {@code Content-Length}
     * that matches the cut body: a complete HTTP response with malformed JSON.
     */
    static Fault truncate() {
        return new Truncate();
    }

    /** Resets the connection (TCP RST) instead of forwarding the message; a WebSocket is reset on both sides. */
    static Fault reset() {
        return new Reset();
    }

    /** Sends the WebSocket client a close frame (1001, going away) and ends the connection to the node. */
    static Fault closeWebSocket() {
        return new CloseWebSocket();
    }

    /** Returns the channels this fault applies to. */
    Set<Channel> channels();

    /** See {@link Fault#status(int)}. */
    record HttpStatus(int code) implements Fault {
        /** Checks that {@code code} is an error status. */
        public HttpStatus {
            if (code < 400 || code > 599) {
                throw new IllegalArgumentException("status must be an HTTP error status (400 to 599), got " + code);
            }
        }

        @Override
        public Set<Channel> channels() {
            return EnumSet.of(Channel.HTTP);
        }
    }

    /** See {@link Fault#tooManyRequests(Duration)}. */
    record TooManyRequests(Duration retryAfter) implements Fault {
        /** Checks that {@code retryAfter} is not negative. */
        public TooManyRequests {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
            }
        }

        /** Returns the {@code Retry-After} value: the delay in whole seconds, rounded up. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.getSeconds();
            return retryAfter.getNano() == 0 ? seconds : seconds + 1;
        }

        @Override
        public Set<Channel> channels() {
            return EnumSet.of(Channel.HTTP);
        }
    }

    /** See {@link Fault#delay(Duration)}. */
    record Delay(Duration duration) implements Fault {
        /** Checks that {@code duration} is positive. */
        public Delay {
            Durations.positive(duration, "delay");
        }

        @Override
        public Set<Channel> channels() {
            return EnumSet.allOf(Channel.class);
        }
    }

    /** See {@link Fault#drop()}. */
    record Drop() implements Fault {
        @Override
        public Set<Channel> channels() {
            return EnumSet.allOf(Channel.class);
        }
    }

    /** See {@link Fault#truncate()}. */
    record Truncate() implements Fault {
        @Override
        public Set<Channel> channels() {
            return EnumSet.of(Channel.HTTP);
        }
    }

    /** See {@link Fault#reset()}. */
    record Reset() implements Fault {
        @Override
        public Set<Channel> channels() {
            return EnumSet.allOf(Channel.class);
        }
    }

    /** See {@link Fault#closeWebSocket()}. */
    record CloseWebSocket() implements Fault {
        @Override
        public Set<Channel> channels() {
            return EnumSet.of(Channel.WEBSOCKET);
        }
    }
}
