package io.chainwire.testkit.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Relays one TCP connection between a client and a TCP upstream, byte for byte, for peers that do not speak JSON-RPC (a
 * database). Each direction runs on a thread of its own; when either ends, both sockets close. The upstream's bytes
 * pass through the proxy's {@link UpstreamTrap} as they are read.
 */
final class TcpRelay implements Runnable {
    private static final int READ_BYTES = 8192;

    private final ProxyServer server;
    private final Socket client;
    private Socket upstream;

    TcpRelay(ProxyServer server, Socket client) {
        this.server = server;
        this.client = client;
    }

    @Override
    public void run() {
        try {
            upstream = server.upstream().connect();
            if (!server.register(upstream)) {
                return;
            }
            client.setTcpNoDelay(true);
            InputStream upstreamIn = upstream.getInputStream();
            OutputStream clientOut = client.getOutputStream();
            if (server.submit(() -> relayFromUpstream(upstreamIn, clientOut))) {
                relayFromClient(client.getInputStream(), upstream.getOutputStream());
            }
        } catch (IOException e) {
            // The upstream cannot be reached, or an end closed the connection: it is over.
        } finally {
            end();
        }
    }

    private static void relayFromClient(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[READ_BYTES];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    /**
     * Passes the upstream's bytes on, keeping the last bytes of each read in front of the next so that the trap finds a
     * marker split between them.
     */
    private void relayFromUpstream(InputStream in, OutputStream out) {
        int keep = UpstreamTrap.MAX_MARKER_BYTES - 1;
        byte[] window = new byte[keep + READ_BYTES];
        int kept = 0;
        try {
            for (int read; (read = in.read(window, kept, READ_BYTES)) >= 0; ) {
                int end = kept + read;
                if (server.trap().springs(window, kept, end)) {
                    return;
                }
                out.write(window, kept, read);
                out.flush();
                int next = Math.min(keep, end);
                System.arraycopy(window, end - next, window, 0, next);
                kept = next;
            }
        } catch (IOException e) {
            // The connection ended at one end or the other: both sockets close below.
        } finally {
            end();
        }
    }

    private void end() {
        server.release(client);
        if (upstream != null) {
            server.release(upstream);
        }
    }
}
