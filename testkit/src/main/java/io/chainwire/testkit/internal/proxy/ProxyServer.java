package io.chainwire.testkit.internal.proxy;

import io.chainwire.testkit.FaultProxy;
import io.chainwire.testkit.FaultProxy.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The proxy's server: accepts connections on a loopback port and serves each on a thread of its own, as HTTP exchanges
 * or, after an upgrade, a WebSocket relay, or for a TCP upstream as a raw relay. Closing it ends every connection;
 * cutting it off ends them too and closes new ones until it is restored.
 */
public final class ProxyServer implements AutoCloseable {
    /** The longest marker {@link #dropOnceWhenUpstreamSends(byte[])} takes. */
    public static final int MAX_MARKER_BYTES = UpstreamTrap.MAX_MARKER_BYTES;

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    private static final int MAX_CALLS = 10_000;
    private static final FaultDecider NO_FAULTS = (channel, methods) -> null;

    private final ServerSocket listener;
    private final Upstream upstream;
    private final RangeLimit rangeLimit;
    private final FaultDecider decider;
    private final Duration maxHold;
    private final ExecutorService threads;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<WebSocketRelay> webSocketRelays = ConcurrentHashMap.newKeySet();
    private final UpstreamTrap trap = new UpstreamTrap();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rangeLimited = new AtomicLong();
    private final AtomicLong webSockets = new AtomicLong();
    private final Deque<FaultProxy.Call> calls = new ArrayDeque<>();
    private volatile boolean cut;

    private ProxyServer(
            ServerSocket listener, Upstream upstream, long maxLogBlocks, Duration maxHold, FaultDecider decider) {
        this.listener = listener;
        this.upstream = upstream;
        this.rangeLimit = new RangeLimit(maxLogBlocks, upstream);
        this.decider = decider;
        this.maxHold = maxHold;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fault-proxy-" + listener.getLocalPort() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Listens on a free port of 127.0.0.1 and starts accepting JSON-RPC over HTTP and WebSocket.
     *
     * @param upstream the node's {@code http://} URL
     * @param upstreamTimeout how long a forwarded HTTP request may take
     * @param maxLogBlocks the widest {@code eth_getLogs} block span the proxy lets through, 0 for any
     * @param maxHold how long a dropped HTTP request holds its connection at most
     * @param decider which messages get a fault
     * @throws IOException if no port can be bound
     */
    public static ProxyServer start(
            URI upstream, Duration upstreamTimeout, long maxLogBlocks, Duration maxHold, FaultDecider decider)
            throws IOException {
        return start(Upstream.node(upstream, upstreamTimeout), maxLogBlocks, maxHold, decider);
    }

    /**
     * Listens on a free port of 127.0.0.1 and starts relaying raw TCP to {@code host} and {@code port}, byte for byte.
     *
     * @throws IOException if no port can be bound
     */
    public static ProxyServer startTcp(String host, int port) throws IOException {
        // A byte stream has no messages: no rule, range limit or hold applies to it.
        return start(Upstream.tcp(host, port), 0, Duration.ZERO, NO_FAULTS);
    }

    private static ProxyServer start(Upstream upstream, long maxLogBlocks, Duration maxHold, FaultDecider decider)
            throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ProxyServer server = new ProxyServer(listener, upstream, maxLogBlocks, maxHold, decider);
        server.threads.execute(server::accept);
        return server;
    }

    /** Returns the port the proxy listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Returns how many JSON-RPC messages clients sent: HTTP requests and WebSocket messages. */
    public long requests() {
        return requests.get();
    }

    /** Returns how many {@code eth_getLogs} calls the range limit refused. */
    public long rangeLimited() {
        return rangeLimited.get();
    }

    /** Returns how many WebSocket connections the proxy relayed. */
    public long webSocketConnections() {
        return webSockets.get();
    }

    /** Returns the last 10,000 JSON-RPC calls clients sent, oldest first. */
    public List<FaultProxy.Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * Ends every connection and, until {@link #restore()}, closes each new one as soon as it is accepted, as if the
     * upstream were unreachable.
     */
    public void cut() {
        cut = true;
        for (Socket socket : sockets) {
            release(socket);
        }
    }

    /** Relays new connections again after {@link #cut()}. */
    public void restore() {
        cut = false;
    }

    /**
     * Drops the next connection on which the upstream sends {@code marker}, before the bytes that complete it reach the
     * client; once. A later call replaces a marker not yet seen.
     */
    public void dropOnceWhenUpstreamSends(byte[] marker) {
        trap.arm(marker);
    }

    /** Returns how many connections {@link #dropOnceWhenUpstreamSends(byte[])} dropped. */
    public long droppedWhenUpstreamSent() {
        return trap.sprung();
    }

    /** Ends every WebSocket connection open now, closing both of its sockets; returns how many. */
    public int dropWebSocketConnections() {
        return eachWebSocket(WebSocketRelay::drop);
    }

    /**
     * Keeps every WebSocket connection open now open but passes nothing more from the node to its client; returns how
     * many.
     */
    public int muteWebSocketConnections() {
        return eachWebSocket(WebSocketRelay::mute);
    }

    private int eachWebSocket(Consumer<WebSocketRelay> action) {
        int count = 0;
        for (WebSocketRelay relay : webSocketRelays) {
            action.accept(relay);
            count++;
        }
        return count;
    }

    /** Stops accepting, ends every connection and waits a few seconds at most for the threads. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        closeQuietly(listener);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        while (closed.getCount() > 0) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                // The listener fails only when it is closed, or when the system is out of sockets;
                // either way the proxy accepts no more.
                return;
            }
            if (!register(socket)) {
                continue;
            }
            try {
                threads.execute(
                        upstream.speaksJsonRpc() ? new HttpConnection(this, socket) : new TcpRelay(this, socket));
            } catch (RejectedExecutionException e) {
                release(socket);
            }
        }
    }

    /** Runs {@code task} on a thread of the proxy; false if the proxy is closed. */
    boolean submit(Runnable task) {
        try {
            threads.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Waits {@code duration}; returns false if the proxy closed meanwhile. */
    boolean pause(Duration duration) throws InterruptedException {
        return !closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Tracks {@code socket} so that {@link #close()} and {@link #cut()} end it; closes it at once and returns false if
     * the proxy is closed or cut off.
     */
    boolean register(Socket socket) {
        sockets.add(socket);
        // After the add: a close or cut that began before it has its flag set, one after it sees the socket.
        if (closed.getCount() == 0 || cut) {
            release(socket);
            return false;
        }
        return true;
    }

    /** Closes {@code socket} and stops tracking it. */
    void release(Socket socket) {
        closeQuietly(socket);
        sockets.remove(socket);
    }

    /** Resets {@code socket} (TCP RST instead of FIN) and stops tracking it. */
    void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed: there is nothing left to reset.
        }
        release(socket);
    }

    Upstream upstream() {
        return upstream;
    }

    RangeLimit rangeLimit() {
        return rangeLimit;
    }

    FaultDecider decider() {
        return decider;
    }

    Duration maxHold() {
        return maxHold;
    }

    UpstreamTrap trap() {
        return trap;
    }

    /** Tracks an open WebSocket relay, so that the WebSocket controls reach it, until {@link #ended}. */
    void opened(WebSocketRelay relay) {
        webSocketRelays.add(relay);
    }

    void ended(WebSocketRelay relay) {
        webSocketRelays.remove(relay);
    }

    /** Counts a message a client sent on {@code channel} and records its calls. */
    void received(Channel channel, JsonRpcMessage message) {
        requests.incrementAndGet();
        synchronized (calls) {
            for (JsonRpcMessage.Call call : message.calls()) {
                if (calls.size() == MAX_CALLS) {
                    calls.removeFirst();
                }
                calls.addLast(new FaultProxy.Call(channel, call.method(), call.params()));
            }
        }
    }

    void countRangeLimited(int calls) {
        rangeLimited.addAndGet(calls);
    }

    void countWebSocket() {
        webSockets.incrementAndGet();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing to end a connection: a failure means it is already gone.
        }
    }
}
