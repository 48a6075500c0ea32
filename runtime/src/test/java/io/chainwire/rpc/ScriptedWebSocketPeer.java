package io.chainwire.rpc;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real WebSocket peer on 127.0.0.1 that the test scripts frame by frame (RFC 6455): it accepts one connection,
 * completes the handshake, collects the client's text messages, and sends what the test says, including fragmented,
 * binary and close frames the node would not send on demand.
 */
final class ScriptedWebSocketPeer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final ServerSocket server;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private volatile Socket connection;

    ScriptedWebSocketPeer() {
        try {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "scripted-websocket-peer");
        thread.setDaemon(true);
        thread.start();
    }

    RpcEndpoint endpoint() {
        return RpcEndpoint.of(url("/"));
    }

    /** Returns the peer's URL with {@code suffix} (a path and query) after the port; the peer ignores it. */
    String url(String suffix) {
        return "ws://127.0.0.1:" + server.getLocalPort() + suffix;
    }

    /** Waits for the client's next text message. */
    String nextRequest() throws InterruptedException {
        String message = received.poll(30, TimeUnit.SECONDS);
        if (message == null) {
            throw new IllegalStateException("the client sent nothing within 30 s");
        }
        return message;
    }

    /** Returns the id of a request the client sent. */
    static long idOf(String request) {
        Matcher matcher = ID.matcher(request);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no id in " + request);
        }
        return Long.parseLong(matcher.group(1));
    }

    void sendText(String text) throws IOException {
        sendFragments(text, 1);
    }

    /** Sends {@code text} as one message split over {@code parts} frames (a text frame, then continuations). */
    void sendFragments(String text, int parts) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int size = (bytes.length + parts - 1) / parts;
        for (int i = 0; i < parts; i++) {
            int from = Math.min(bytes.length, i * size);
            int to = Math.min(bytes.length, from + size);
            writeFrame(i == parts - 1, i == 0 ? 0x1 : 0x0, java.util.Arrays.copyOfRange(bytes, from, to));
        }
    }

    void sendBinary(byte[] bytes) throws IOException {
        writeFrame(true, 0x2, bytes);
    }

    void sendClose(int status, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (status >> 8);
        payload[1] = (byte) status;
        System.arraycopy(text, 0, payload, 2, text.length);
        writeFrame(true, 0x8, payload);
    }

    /** Drops the TCP connection without a close frame. */
    void dropConnection() throws IOException {
        awaitConnection().close();
    }

    private synchronized void writeFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        OutputStream out = awaitConnection().getOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift));
            }
        }
        out.write(payload);
        out.flush();
    }

    private Socket awaitConnection() throws IOException {
        for (int i = 0; i < 3000 && connection == null; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (connection == null) {
            throw new IOException("no client connected within 30 s");
        }
        return connection;
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            handshake(socket);
            connection = socket;
            readMessages(new DataInputStream(socket.getInputStream()));
        } catch (IOException e) {
            // The test closed the peer or dropped the connection: nothing more to read.
        }
    }

    private static void handshake(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client left during the handshake");
            }
            head.write(b);
        }
        Matcher key = KEY.matcher(head.toString(StandardCharsets.ISO_8859_1));
        if (!key.find()) {
            throw new IOException("no Sec-WebSocket-Key");
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static String accept(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readMessages(DataInputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            in.readFully(mask);
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            int opcode = first & 0x0f;
            if (opcode == 0x8) {
                return;
            }
            if (opcode == 0x1 || opcode == 0x0) {
                message.write(payload);
                if ((first & 0x80) != 0) {
                    received.add(message.toString(StandardCharsets.UTF_8));
                    message.reset();
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket socket = connection;
        if (socket != null) {
            socket.close();
        }
    }
}
