package io.chainwire.testkit.internal.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The proxy's server: accepts connections on a loopback port and serves each on a thread of its
 * own, as HTTP exchanges or, after an upgrade, a WebSocket relay. Closing it ends every connection.
 */
public final class ProxyServer implements AutoCloseable {
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final ServerSocket listener;
  private final Upstream upstream;
  private final RangeLimit rangeLimit;
  private final FaultDecider decider;
  private final Duration maxHold;
  private final ExecutorService threads;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rangeLimited = new AtomicLong();
  private final AtomicLong webSockets = new AtomicLong();

  private ProxyServer(ServerSocket listener, Upstream upstream, long maxLogBlocks, Duration maxHold, FaultDecider decider) {
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
   * Listens on a free port of 127.0.0.1 and starts accepting.
   *
   * @param upstream the node's {@code http://} URL
   * @param upstreamTimeout how long a forwarded HTTP request may take
   * @param maxLogBlocks the widest {@code eth_getLogs} block span the proxy lets through, 0 for any
   * @param maxHold how long a dropped HTTP request holds its connection at most
   * @param decider which messages get a fault
   * @throws IOException if no port can be bound
   */
  public static ProxyServer start(URI upstream, Duration upstreamTimeout, long maxLogBlocks, Duration maxHold,
      FaultDecider decider) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ProxyServer server = new ProxyServer(listener, new Upstream(upstream, upstreamTimeout), maxLogBlocks, maxHold, decider);
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
      register(socket);
      try {
        threads.execute(new HttpConnection(this, socket));
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

  /** Tracks {@code socket} so that {@link #close()} ends it; closes it at once if the proxy is closed. */
  void register(Socket socket) {
    sockets.add(socket);
    if (closed.getCount() == 0) {
      closeQuietly(socket);
    }
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

  void countRequest() {
    requests.incrementAndGet();
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
