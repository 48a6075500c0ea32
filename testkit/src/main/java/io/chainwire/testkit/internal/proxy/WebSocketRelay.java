package io.chainwire.testkit.internal.proxy;

import io.chainwire.testkit.Fault;
import io.chainwire.testkit.FaultProxy.Channel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relays one WebSocket connection between a client and the node, frame by frame and unchanged, except where a fault
 * says otherwise. The node answers the client's handshake itself (the proxy only strips extension offers, so that
 * payloads stay readable). Whole messages are read before they are passed on: requests from the client, so a fault or
 * the range limit can act on them, and notifications from the node, so a fault can delay or swallow them. Each
 * direction runs on a thread of its own; the client's side is written under a lock, one whole message at a time. The
 * server can drop the connection or mute it (pass nothing more from the node) at any time.
 */
final class WebSocketRelay {
    private static final int MAX_MESSAGE_BYTES = HttpBody.MAX_BYTES;
    // After the proxy sends a close frame, how long the client has to answer it.
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ProxyServer server;
    private final Socket client;
    private final InputStream clientIn;
    private final OutputStream clientOut;
    private final Object clientLock = new Object();
    private Socket node;
    private OutputStream nodeOut;
    private volatile boolean closing;
    private volatile boolean muted;

    WebSocketRelay(ProxyServer server, Socket client, InputStream clientIn, OutputStream clientOut) {
        this.server = server;
        this.client = client;
        this.clientIn = clientIn;
        this.clientOut = clientOut;
    }

    /** Completes the handshake through the node, then relays until either side ends the connection. */
    void run(HttpHead upgrade) throws IOException, InterruptedException {
        try {
            node = server.upstream().connect();
        } catch (IOException e) {
            HttpBody.writeText(
                    clientOut,
                    502,
                    List.of(),
                    "Bad Gateway: the node at " + server.upstream() + " cannot be reached: " + e);
            return;
        }
        if (!server.register(node)) {
            return;
        }
        try {
            InputStream nodeIn = new BufferedInputStream(node.getInputStream());
            nodeOut = new BufferedOutputStream(node.getOutputStream());
            upgrade.with("Host", server.upstream().hostField())
                    .with("Sec-WebSocket-Extensions", null)
                    .writeTo(nodeOut);
            nodeOut.flush();
            HttpHead answer = HttpHead.read(nodeIn);
            if (answer == null) {
                throw new IOException("the node closed the connection during the WebSocket handshake");
            }
            answer.writeTo(clientOut);
            if (answer.status() != 101) {
                clientOut.write(HttpBody.read(answer, nodeIn));
                clientOut.flush();
                return;
            }
            clientOut.flush();
            server.countWebSocket();
            server.opened(this);
            if (!server.submit(() -> relayFromNode(nodeIn))) {
                return;
            }
            relay(clientIn, true);
        } finally {
            server.ended(this);
            server.release(node);
        }
    }

    /** Ends the connection at once, closing both sockets. */
    void drop() {
        server.release(client);
        server.release(node);
    }

    /** Passes nothing more from the node to the client; the connection stays open. */
    void mute() {
        muted = true;
    }

    private void relayFromNode(InputStream nodeIn) {
        try {
            relay(nodeIn, false);
        } catch (IOException e) {
            // The node's side ended: the client's ends with it, below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.release(node);
            if (!closing) {
                server.release(client);
            }
        }
    }

    /** Passes messages on until the stream ends or a fault ends the connection. */
    private void relay(InputStream in, boolean fromClient) throws IOException, InterruptedException {
        List<WebSocketFrame> fragments = new ArrayList<>();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        while (true) {
            WebSocketFrame frame = WebSocketFrame.read(in, MAX_MESSAGE_BYTES);
            if (frame == null) {
                return;
            }
            if (frame.isControl()) {
                send(fromClient, List.of(frame));
                continue;
            }
            if (payload.size() + frame.payload().length > MAX_MESSAGE_BYTES) {
                throw new IOException("a WebSocket message is larger than " + MAX_MESSAGE_BYTES + " bytes");
            }
            fragments.add(frame);
            payload.writeBytes(frame.payload());
            if (!frame.fin()) {
                continue;
            }
            boolean text = fragments.get(0).opcode() == WebSocketFrame.TEXT;
            boolean open = fromClient
                    ? fromClient(fragments, text ? payload.toByteArray() : new byte[0])
                    : fromNode(fragments, payload.toByteArray(), text);
            if (!open) {
                return;
            }
            fragments.clear();
            payload.reset();
        }
    }

    /** Handles a whole message from the client; returns false if the connection must end. */
    private boolean fromClient(List<WebSocketFrame> frames, byte[] text) throws IOException, InterruptedException {
        JsonRpcMessage message = JsonRpcMessage.parse(text);
        server.received(Channel.WEBSOCKET, message);
        if (!survives(server.decider().decide(Channel.WEBSOCKET, message.methods()))) {
            return !(closing || client.isClosed());
        }
        List<JsonRpcMessage.Call> refused = server.rangeLimit().refused(message);
        if (refused.isEmpty()) {
            send(true, frames);
        } else {
            server.countRangeLimited(refused.size());
            byte[] answer = server.rangeLimit().answer(message, refused).body();
            synchronized (clientLock) {
                if (!muted) {
                    clientOut.write(WebSocketFrame.serverFrame(WebSocketFrame.TEXT, answer));
                    clientOut.flush();
                }
            }
        }
        return true;
    }

    /** Handles a whole message from the node; returns false if the connection must end. */
    private boolean fromNode(List<WebSocketFrame> frames, byte[] payload, boolean text)
            throws IOException, InterruptedException {
        if (server.trap().springs(payload)) {
            drop();
            return false;
        }
        Optional<String> method = text ? JsonRpcMessage.methodOf(payload) : Optional.empty();
        if (method.isPresent() && !survives(server.decider().decide(Channel.WEBSOCKET, List.of(method.get())))) {
            return !(closing || client.isClosed());
        }
        send(false, frames);
        return true;
    }

    /**
     * Applies {@code fault} to the message at hand; returns true if the message is to be passed on. A dropped message
     * is not; a reset or close also ends the connection.
     */
    private boolean survives(Fault fault) throws IOException, InterruptedException {
        if (fault instanceof Fault.Reset) {
            server.abort(client);
            server.abort(node);
            return false;
        }
        if (fault instanceof Fault.CloseWebSocket) {
            closing = true;
            synchronized (clientLock) {
                clientOut.write(WebSocketFrame.serverClose(
                        WebSocketFrame.GOING_AWAY, "going away (injected by the fault proxy)"));
                clientOut.flush();
            }
            client.setSoTimeout((int) CLOSE_WAIT.toMillis());
            server.release(node);
            return false;
        }
        if (fault instanceof Fault.Delay delay) {
            return server.pause(delay.duration());
        }
        return !(fault instanceof Fault.Drop);
    }

    private void send(boolean toNode, List<WebSocketFrame> frames) throws IOException {
        if (toNode) {
            for (WebSocketFrame frame : frames) {
                nodeOut.write(frame.wire());
            }
            nodeOut.flush();
            return;
        }
        synchronized (clientLock) {
            if (muted) {
                return;
            }
            for (WebSocketFrame frame : frames) {
                clientOut.write(frame.wire());
            }
            clientOut.flush();
        }
    }
}
