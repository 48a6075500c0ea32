package io.chainwire.rpc.internal;

import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcTimeoutException;
import io.chainwire.rpc.RpcTransportException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * One WebSocket connection to a node: sends requests and matches responses to them by id, routes subscription
 * notifications to their {@link HeadDispatcher}s, reassembles fragmented text messages, and ends everything exactly
 * once when the connection ends, whoever ends it. It never reconnects; a new session is a new connection.
 *
 * <p>A message may hold at most {@code maxResponseBytes} in UTF-8. One that grows past it is dropped as it arrives,
 * without buffering the rest, and the request it answers fails as too large: the one whose id the message names before
 * the limit, or, if it names none there, every request waiting. The connection stays open.
 */
public final class WebSocketSession implements WebSocket.Listener, Exchange {
    private static final Logger LOG = RpcLogger.LOG;
    private static final String LABEL = "WebSocket";
    // How much of an oversized message is kept to find the id of the request it answers.
    private static final int ID_PREFIX_CHARS = 256;
    private static final int MAX_EXCERPT_CHARS = 2048;
    // A rare large message should not pin its buffer for the life of the connection.
    private static final int RETAINED_BUFFER_CHARS = 1 << 20;

    private final RpcEndpoint endpoint;
    private final long maxMessageBytes;
    private final Map<Long, Pending<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, HeadDispatcher> subscriptions = new ConcurrentHashMap<>();
    private final AtomicReference<Ending> ending = new AtomicReference<>();
    private final CompletableFuture<Void> inputClosed = new CompletableFuture<>();
    private final StringBuilder message = new StringBuilder();
    private final Object sendLock = new Object();
    private volatile WebSocket socket;
    // Read and written on the socket's thread only.
    private long messageBytes;
    private boolean dropping;

    private WebSocketSession(RpcEndpoint endpoint, long maxMessageBytes) {
        this.endpoint = endpoint;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Opens a connection, waiting at most {@code connectTimeout}.
     *
     * @param maxMessageBytes the most a message may hold, in UTF-8
     * @throws RpcException if the connection cannot be opened in time
     */
    public static WebSocketSession connect(
            HttpClient http, RpcEndpoint endpoint, Duration connectTimeout, long maxMessageBytes) {
        WebSocketSession session = new WebSocketSession(endpoint, maxMessageBytes);
        CompletableFuture<WebSocket> opening =
                http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(endpoint.uri(), session);
        try {
            // The builder's timeout covers the TCP connect; this one also covers TLS and the handshake.
            opening.get(2 * connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new RpcTimeoutException("connect", endpoint, connectTimeout, e);
        } catch (ExecutionException e) {
            throw connectFailure(endpoint, connectTimeout, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.cancel(true);
            throw TransportFailures.interrupted("connect", endpoint, e);
        }
        LOG.info("WebSocket connected to {}", endpoint);
        return session;
    }

    private static RpcException connectFailure(RpcEndpoint endpoint, Duration timeout, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException handshake) {
            HttpResponse<?> answer = handshake.getResponse();
            Object body = answer.body();
            return TransportFailures.answer(
                    "connect",
                    endpoint,
                    answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(null),
                    null,
                    body instanceof String text ? text.substring(0, Math.min(text.length(), MAX_EXCERPT_CHARS)) : "",
                    true);
        }
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return new RpcTimeoutException("connect", endpoint, timeout, cause);
        }
        return TransportFailures.of("connect", endpoint, cause, "connecting", timeout);
    }

    /**
     * Sends a request (single or batch) and waits for its response, read by {@code reader} on the socket's thread; the
     * response is matched by any of the request's ids.
     */
    @Override
    public <R> R exchange(
            String label, long firstId, int count, byte[] body, Duration timeout, MessageReader<R> reader) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pending<R> call = new Pending<>(label, reader);
        for (long id = firstId; id < firstId + count; id++) {
            pending.put(id, call);
        }
        try {
            Ending ended = ending.get();
            if (ended != null) {
                throw ended.failure(label, endpoint);
            }
            send(label, new String(body, StandardCharsets.UTF_8), deadline);
            return call.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RpcTimeoutException(label, endpoint, timeout, e);
        } catch (ExecutionException e) {
            throw (RpcException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TransportFailures.interrupted(label, endpoint, e);
        } finally {
            for (long id = firstId; id < firstId + count; id++) {
                pending.remove(id, call);
            }
        }
    }

    private void send(String label, String text, long deadline) throws InterruptedException, TimeoutException {
        synchronized (sendLock) {
            // The JDK allows one outstanding send at a time.
            try {
                socket.sendText(text, true).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                Ending ended = ending.get();
                // A send that close() cut short fails as the other calls in flight do.
                throw ended != null
                        ? ended.failure(label, endpoint)
                        : TransportFailures.of(label, endpoint, e.getCause(), "sending", null);
            }
        }
    }

    /**
     * Routes the notifications of {@code subscription} to {@code dispatcher}. Call it from the subscribe response's
     * reader, on the socket's thread, so that no notification can come first.
     */
    public void attach(String subscription, HeadDispatcher dispatcher) {
        subscriptions.put(subscription, dispatcher);
        if (ending.get() != null && subscriptions.remove(subscription, dispatcher)) {
            dispatcher.finish(ending.get().cause);
        }
    }

    /** Stops routing the notifications of {@code subscription}; returns its dispatcher, or null if it had none. */
    public HeadDispatcher detach(String subscription) {
        return subscriptions.remove(subscription);
    }

    /** Stops routing notifications to {@code dispatcher}, whatever its subscription. */
    public void detach(HeadDispatcher dispatcher) {
        subscriptions.values().remove(dispatcher);
    }

    /** Returns true until the connection ends. */
    public boolean isOpen() {
        return ending.get() == null;
    }

    /**
     * Closes the connection: pending requests fail, subscriptions end with {@code onClose}. Waits at most
     * {@code timeout} for the node's close reply, then drops the connection.
     */
    public void close(Duration timeout) {
        if (!end(new Ending(null, "the client was closed"))) {
            return;
        }
        WebSocket ws = socket;
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            inputClosed.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("no clean WebSocket close with {}; dropping the connection", endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ws.abort();
        }
        LOG.info("WebSocket to {} closed", endpoint);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!dropping) {
            messageBytes += utf8Length(data);
            if (messageBytes > maxMessageBytes) {
                dropping = true;
                tooLarge(
                        message.length() >= ID_PREFIX_CHARS
                                ? message.substring(0, ID_PREFIX_CHARS)
                                : message.append(data, 0, Math.min(data.length(), ID_PREFIX_CHARS - message.length()))
                                        .toString());
                resetMessage();
            } else {
                message.append(data);
            }
        }
        if (last) {
            if (!dropping) {
                String text = message.toString();
                resetMessage();
                dispatch(text);
            }
            dropping = false;
            messageBytes = 0;
        }
        webSocket.request(1);
        return null;
    }

    private void resetMessage() {
        message.setLength(0);
        if (message.capacity() > RETAINED_BUFFER_CHARS) {
            message.trimToSize();
        }
    }

    /** Fails the request that an oversized message answers, named by its id in {@code prefix}, or every one waiting. */
    private void tooLarge(String prefix) {
        Long id = WebSocketMessages.leadingId(prefix.getBytes(StandardCharsets.UTF_8));
        Pending<?> named = id == null ? null : pending.get(id);
        List<Pending<?>> calls = named != null ? List.of(named) : List.copyOf(pending.values());
        LOG.info("dropping a WebSocket message from {} larger than {} bytes", endpoint, maxMessageBytes);
        for (Pending<?> call : calls) {
            call.result.completeExceptionally(RpcResponseException.tooLarge(call.label, endpoint, maxMessageBytes));
        }
    }

    private static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A surrogate counts 2, so a pair counts the 4 bytes of its code point.
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        fail(new RpcResponseException(LABEL, endpoint, "", "a binary message; JSON-RPC messages are text", null));
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        inputClosed.complete(null);
        String why =
                "the node closed the connection (status " + statusCode + (reason.isEmpty() ? "" : ", " + reason) + ")";
        if (end(new Ending(new RpcTransportException(LABEL, endpoint, why, null), why))) {
            LOG.info("WebSocket to {}: {}", endpoint, why);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        inputClosed.complete(null);
        String why = "the connection failed: " + TransportFailures.describe(error);
        if (end(new Ending(new RpcTransportException(LABEL, endpoint, why, error), why))) {
            LOG.info("WebSocket to {}: {}", endpoint, why);
        }
    }

    private void dispatch(String text) {
        try {
            byte[] message = text.getBytes(StandardCharsets.UTF_8);
            WebSocketMessages.Route route = WebSocketMessages.route(message, endpoint);
            if (route.subscription() != null) {
                notify(route.subscription(), message);
            } else if (route.id() != null) {
                respond(route.id(), message);
            } else {
                throw new RpcResponseException(
                        LABEL, endpoint, "", "a message that is neither a response nor a notification", null);
            }
        } catch (RpcException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new RpcTransportException(
                    LABEL, endpoint, "handling a message failed: " + TransportFailures.describe(e), e));
        }
    }

    private void notify(String subscription, byte[] message) {
        HeadDispatcher dispatcher = subscriptions.get(subscription);
        if (dispatcher == null) {
            LOG.debug("notification for subscription {}, which has ended, from {}", subscription, endpoint);
            return;
        }
        BlockHeader head = WebSocketMessages.notificationResult(message, endpoint, BlockHeaderReader.REQUIRED);
        if (!dispatcher.offer(head)) {
            fail(new RpcTransportException(
                    LABEL,
                    endpoint,
                    "the listener of subscription " + subscription + " fell a whole queue of heads behind",
                    null));
        }
    }

    private void respond(long id, byte[] message) {
        Pending<?> call = pending.get(id);
        if (call == null) {
            LOG.debug("response to request {}, which has ended, from {}", id, endpoint);
            return;
        }
        call.complete(message, endpoint);
    }

    /** Drops the connection because of {@code cause}. */
    private void fail(RpcException cause) {
        if (end(new Ending(cause, cause.getMessage()))) {
            LOG.info("dropping the WebSocket: {}", cause.getMessage());
            socket.abort();
        }
    }

    private boolean end(Ending ended) {
        if (!ending.compareAndSet(null, ended)) {
            return false;
        }
        for (Pending<?> call : pending.values()) {
            call.result.completeExceptionally(ended.failure(call.label, endpoint));
        }
        for (String subscription : List.copyOf(subscriptions.keySet())) {
            HeadDispatcher dispatcher = subscriptions.remove(subscription);
            if (dispatcher != null) {
                dispatcher.finish(ended.cause);
            }
        }
        return true;
    }

    /** Why the connection ended: {@code cause} is null when this side closed it. */
    private record Ending(RpcException cause, String reason) {
        RpcException failure(String label, RpcEndpoint endpoint) {
            return cause == null
                    ? TransportFailures.closed(label, endpoint)
                    : new RpcTransportException(label, endpoint, "the WebSocket connection ended: " + reason, cause);
        }
    }

    /** A request waiting for its response. */
    private static final class Pending<R> {
        final String label;
        final MessageReader<R> reader;
        final CompletableFuture<R> result = new CompletableFuture<>();

        Pending(String label, MessageReader<R> reader) {
            this.label = label;
            this.reader = reader;
        }

        void complete(byte[] message, RpcEndpoint endpoint) {
            try {
                result.complete(reader.read(JsonReader.of(message)));
            } catch (RpcException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                result.completeExceptionally(
                        new RpcResponseException(label, endpoint, "", "unreadable response: " + e, e));
            } catch (IOException e) {
                result.completeExceptionally(
                        new RpcResponseException(label, endpoint, "", "unreadable message: " + e.getMessage(), e));
            }
        }
    }
}
