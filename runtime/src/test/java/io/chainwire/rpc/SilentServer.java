package io.chainwire.rpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A loopback server socket that accepts connections and never answers. */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);

    public SilentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptAll, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url(String scheme, String path) {
        return scheme + "://127.0.0.1:" + socket.getLocalPort() + path;
    }

    private void acceptAll() {
        try {
            while (!socket.isClosed()) {
                accepted.add(socket.accept());
                connected.countDown();
            }
        } catch (IOException e) {
            // The socket was closed: the test is over.
        }
    }

    /** Waits until a client has connected. */
    public void awaitConnection() throws InterruptedException {
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no client connected within 30 s");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : accepted) {
            connection.close();
        }
    }
}
