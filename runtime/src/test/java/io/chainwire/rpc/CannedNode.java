package io.chainwire.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP peer on 127.0.0.1 that answers each POST with the next canned response, and records what it was sent: for
 * the error paths a live node will not produce on demand.
 */
final class CannedNode implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch stalling = new CountDownLatch(1);

    CannedNode() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** A canned answer: status, headers, body, optionally gzipped, optionally stalling after part of the body. */
    record Reply(int status, Map<String, String> headers, String body, boolean gzip, int stallAfter) {
        static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body, false, -1);
        }

        static Reply status(int status, Map<String, String> headers, String body) {
            return new Reply(status, headers, body, false, -1);
        }

        Reply gzipped() {
            return new Reply(
                    status, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), body, true, -1);
        }

        /** Sends the headers and the first {@code bytes} of the body, then stalls until the node closes. */
        Reply stallingAfter(int bytes) {
            return new Reply(status, headers, body, gzip, bytes);
        }
    }

    CannedNode reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    CannedNode replyJson(String body) {
        return reply(Reply.json(body));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = Reply.status(500, Map.of(), "no canned reply left");
        }
        byte[] body = reply.gzip() ? gzip(reply.body()) : reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (reply.stallAfter() < 0) {
                out.write(body);
                return;
            }
            out.write(body, 0, reply.stallAfter());
            out.flush();
            stalling.countDown();
            awaitRelease();
        }
    }

    /** Waits until a reply has sent part of its body and stalls. */
    void awaitStall() throws InterruptedException {
        if (!stalling.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no reply stalled within 30 s");
        }
    }

    private void awaitRelease() {
        try {
            released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
