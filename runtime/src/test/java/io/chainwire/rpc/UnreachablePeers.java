package io.chainwire.rpc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loopback peers that fail a connection in the ways a real network does. */
final class UnreachablePeers {
    private UnreachablePeers() {}

    /** Returns a loopback port where nothing listens: connecting is refused. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A listening socket whose accept queue is full: the kernel drops further connection attempts unanswered, so a
     * client's connect times out, as with a host that does not answer.
     */
    static final class FullBacklog implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> queued = new ArrayList<>();

        FullBacklog() throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(server.getLocalSocketAddress(), 200);
                    queued.add(socket);
                } catch (SocketTimeoutException full) {
                    socket.close();
                    return;
                }
            }
            throw new IllegalStateException("the accept queue never filled");
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : queued) {
                socket.close();
            }
            server.close();
        }
    }

    /** A server that answers every connection with a plain HTTP 400, which a TLS client cannot read. */
    static final class Plaintext implements AutoCloseable {
        private final ServerSocket server;

        Plaintext() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(this::answerAll, "plaintext-peer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void answerAll() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept();
                        OutputStream out = socket.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // Let the client read the answer before the connection closes.
                    socket.getInputStream().read(new byte[1024]);
                } catch (IOException e) {
                    // The test is over, or the client left first.
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
