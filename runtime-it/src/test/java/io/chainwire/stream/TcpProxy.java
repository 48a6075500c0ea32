package io.chainwire.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a node's port, for WebSocket faults: it can drop every open
 * connection, or mute them (keep them open but pass nothing from the node to the client), as a
 * stalled subscription would. New connections are forwarded normally.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final List<Link> links = new CopyOnWriteArrayList<>();

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String wsUrl() {
    return "ws://127.0.0.1:" + server.getLocalPort() + "/";
  }

  /** Closes every open connection. */
  void dropAll() {
    links.forEach(Link::close);
    links.clear();
  }

  /** Stops passing the node's bytes to the clients of the connections open now. */
  void muteAll() {
    links.forEach(link -> link.muted = true);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
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

  private static void pump(InputStream in, OutputStream out, Link link, boolean fromNode) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        for (int read; (read = in.read(buffer)) >= 0; ) {
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
