package io.chainwire.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP proxy in front of a local port (a node's, a database's), for connection faults:
 * it can drop every open connection, mute them (keep them open but pass nothing from the target to
 * the client), as a stalled subscription would, cut the target off altogether for a while, or drop
 * the connection whose target answers with given bytes before the answer reaches the client.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicReference<byte[]> dropOnAnswer = new AtomicReference<>();
  private final AtomicInteger droppedOnAnswer = new AtomicInteger();
  private volatile boolean cut;

  /** Starts a proxy on a free loopback port, forwarding to {@code targetPort} on the loopback interface. */
  public TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String wsUrl() {
    return "ws://127.0.0.1:" + server.getLocalPort() + "/";
  }

  /** Returns the port clients connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** Closes every open connection. */
  public void dropAll() {
    links.forEach(Link::close);
    links.clear();
  }

  /** Cuts the target off: drops every open connection and closes new ones at once, until {@link #restore()}. */
  public void cut() {
    cut = true;
    dropAll();
  }

  /** Forwards new connections again after {@link #cut()}. */
  public void restore() {
    cut = false;
  }

  /**
   * Drops the next connection whose target sends bytes containing {@code marker}, before they reach
   * the client; once.
   */
  public void dropOnceWhenTargetSends(String marker) {
    dropOnAnswer.set(marker.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Returns how many connections {@link #dropOnceWhenTargetSends} dropped. */
  public int droppedOnAnswer() {
    return droppedOnAnswer.get();
  }

  /** Stops passing the node's bytes to the clients of the connections open now. */
  void muteAll() {
    links.forEach(link -> link.muted = true);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (cut) {
          client.close();
          continue;
        }
        Socket node = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        Link link = new Link(client, node);
        links.add(link);
        pump(client.getInputStream(), node.getOutputStream(), link, false);
        pump(node.getInputStream(), client.getOutputStream(), link, true);
      } catch (IOException e) {
        if (!server.isClosed()) {
          throw new IllegalStateException("proxy failed", e);
        }
      }
    }
  }

  private void pump(InputStream in, OutputStream out, Link link, boolean fromNode) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        for (int read; (read = in.read(buffer)) >= 0; ) {
          if (fromNode && dropsOnAnswer(buffer, read)) {
            return;
          }
          if (!(fromNode && link.muted)) {
            out.write(buffer, 0, read);
            out.flush();
          }
        }
      } catch (IOException e) {
        // the link was dropped or closed by an end
      } finally {
        link.close();
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** Takes the one-shot marker if the {@code length} bytes in {@code answer} contain it. */
  private boolean dropsOnAnswer(byte[] answer, int length) {
    byte[] marker = dropOnAnswer.get();
    if (marker == null || !contains(answer, length, marker) || !dropOnAnswer.compareAndSet(marker, null)) {
      return false;
    }
    droppedOnAnswer.incrementAndGet();
    return true;
  }

  private static boolean contains(byte[] bytes, int length, byte[] marker) {
    outer:
    for (int start = 0; start + marker.length <= length; start++) {
      for (int i = 0; i < marker.length; i++) {
        if (bytes[start + i] != marker[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropAll();
  }

  /** One proxied connection. */
  private static final class Link {
    private final Socket client;
    private final Socket node;
    volatile boolean muted;

    Link(Socket client, Socket node) {
      this.client = client;
      this.node = node;
    }

    void close() {
      try {
        client.close();
        node.close();
      } catch (IOException e) {
        // closing twice or after a reset: nothing left to release
      }
    }
  }
}
