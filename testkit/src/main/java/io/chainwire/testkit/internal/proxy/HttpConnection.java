package io.chainwire.testkit.internal.proxy;

import io.chainwire.testkit.Fault;
import io.chainwire.testkit.FaultProxy.Channel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One client connection: HTTP/1.1 exchanges, kept alive until the client closes, each forwarded to the node or
 * disturbed by a fault; an upgrade request turns the connection into a {@link WebSocketRelay}.
 */
final class HttpConnection implements Runnable {
    private final ProxyServer server;
    private final Socket socket;

    HttpConnection(ProxyServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean open = true;
            while (open) {
                HttpHead head = HttpHead.read(in);
                if (head == null) {
                    return;
                }
                if (head.method().equals("GET") && head.hasToken("Upgrade", "websocket")) {
                    new WebSocketRelay(server, socket, in, out).run(head);
                    return;
                }
                byte[] body = HttpBody.read(head, in);
                open = exchange(body, in, out) && !head.hasToken("Connection", "close");
            }
        } catch (IOException e) {
            // The client went away or sent something that is not HTTP: this connection is over.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.release(socket);
        }
    }

    /** Answers one request; returns false if the connection must end. */
    private boolean exchange(byte[] body, InputStream in, OutputStream out) throws IOException, InterruptedException {
        JsonRpcMessage message = JsonRpcMessage.parse(body);
        server.received(Channel.HTTP, message);
        Fault fault = server.decider().decide(Channel.HTTP, message.methods());
        if (fault instanceof Fault.HttpStatus status) {
            HttpBody.writeText(
                    out, status.code(), List.of(), HttpHead.reason(status.code()) + " (injected by the fault proxy)");
            return true;
        }
        if (fault instanceof Fault.TooManyRequests tooMany) {
            HttpBody.writeText(
                    out,
                    429,
                    List.of(new HttpHead.Field("Retry-After", Long.toString(tooMany.retryAfterSeconds()))),
                    "Too Many Requests (injected by the fault proxy)");
            return true;
        }
        if (fault instanceof Fault.Reset) {
            server.abort(socket);
            return false;
        }
        if (fault instanceof Fault.Drop) {
            hold(in);
            return false;
        }
        if (fault instanceof Fault.Delay delay && !server.pause(delay.duration())) {
            return false;
        }
        Upstream.Answer answer = answer(message, body);
        if (answer == null) {
            return false;
        }
        byte[] bytes = fault instanceof Fault.Truncate
                ? Arrays.copyOf(answer.body(), answer.body().length / 2)
                : answer.body();
        HttpBody.writeResponse(out, answer.status(), answer.contentType(), List.of(), bytes);
        return true;
    }

    /**
     * Returns the answer to {@code body}, or null if the node's answer sprang the trap and the connection must drop.
     */
    private Upstream.Answer answer(JsonRpcMessage message, byte[] body) throws InterruptedException {
        try {
            List<JsonRpcMessage.Call> refused = server.rangeLimit().refused(message);
            if (refused.isEmpty()) {
                Upstream.Answer answer = server.upstream().post(body);
                return server.trap().springs(answer.body()) ? null : answer;
            }
            server.countRangeLimited(refused.size());
            return server.rangeLimit().answer(message, refused);
        } catch (IOException e) {
            String text = "Bad Gateway: the node at " + server.upstream() + " did not answer: " + e;
            return new Upstream.Answer(502, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Keeps the connection open without answering until the client closes it or the hold limit passes. */
    private void hold(InputStream in) throws IOException {
        long deadline = System.nanoTime() + server.maxHold().toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                return;
            }
        }
    }
}
