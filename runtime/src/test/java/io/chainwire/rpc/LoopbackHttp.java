package io.chainwire.rpc;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** A real HTTP peer for tests: the JDK's server on a free port of the loopback interface. */
public final class LoopbackHttp {
    private LoopbackHttp() {}

    /**
     * Starts a server that hands every request to {@code handler}, each on a thread of its own as a real node would
     * serve them side by side; the caller stops it.
     */
    public static HttpServer start(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "loopback-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    /** Returns the JSON-RPC endpoint of {@code server}. */
    public static RpcEndpoint endpoint(HttpServer server) {
        return RpcEndpoint.of("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
