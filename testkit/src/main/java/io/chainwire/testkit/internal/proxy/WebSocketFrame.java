package io.chainwire.testkit.internal.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One RFC 6455 frame, kept as it came off the wire so a relay can pass it on unchanged, with its payload unmasked for
 * inspection.
 *
 * @param fin true if this frame ends its message
 * @param opcode the opcode: 0 continuation, 1 text, 2 binary, 8 close, 9 ping, 10 pong
 * @param payload the unmasked payload
 * @param wire the frame's bytes exactly as read
 */
record WebSocketFrame(boolean fin, int opcode, byte[] payload, byte[] wire) {
    static final int TEXT = 1;
    static final int CLOSE = 8;
    /** Close status 1001: the endpoint is going away. */
    static final int GOING_AWAY = 1001;

    /** Returns true for close, ping and pong frames, which may come between a message's fragments. */
    boolean isControl() {
        return opcode >= 8;
    }

    /**
     * Reads the next frame.
     *
     * @return the frame, or null if the stream ends cleanly before it
     * @throws IOException if the stream ends inside a frame, or the frame's payload is larger than {@code maxPayload}
     */
    static WebSocketFrame read(InputStream in, int maxPayload) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(first);
        int second = readByte(in, wire);
        long length = second & 0x7f;
        if (length == 126) {
            length = readUnsigned(in, wire, 2);
        } else if (length == 127) {
            length = readUnsigned(in, wire, 8);
        }
        if (length < 0 || length > maxPayload) {
            throw new IOException("a WebSocket frame of " + length + " bytes is larger than " + maxPayload);
        }
        boolean masked = (second & 0x80) != 0;
        byte[] mask = masked ? readBytes(in, wire, 4) : null;
        byte[] payload = readBytes(in, wire, (int) length);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new WebSocketFrame((first & 0x80) != 0, first & 0x0f, payload, wire.toByteArray());
    }

    /** Returns the wire form of an unmasked, final frame, as a server sends it. */
    static byte[] serverFrame(int opcode, byte[] payload) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream(payload.length + 10);
        wire.write(0x80 | opcode);
        if (payload.length < 126) {
            wire.write(payload.length);
        } else if (payload.length <= 0xffff) {
            wire.write(126);
            wire.write(payload.length >>> 8);
            wire.write(payload.length);
        } else {
            wire.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                wire.write((int) ((long) payload.length >>> shift));
            }
        }
        wire.writeBytes(payload);
        return wire.toByteArray();
    }

    /** Returns the wire form of a server's close frame with {@code status} and {@code reason}. */
    static byte[] serverClose(int status, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (status >>> 8);
        payload[1] = (byte) status;
        System.arraycopy(text, 0, payload, 2, text.length);
        return serverFrame(CLOSE, payload);
    }

    private static int readByte(InputStream in, ByteArrayOutputStream wire) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("the connection ended inside a WebSocket frame");
        }
        wire.write(b);
        return b;
    }

    private static long readUnsigned(InputStream in, ByteArrayOutputStream wire, int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | readByte(in, wire);
        }
        return value;
    }

    private static byte[] readBytes(InputStream in, ByteArrayOutputStream wire, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new IOException("the connection ended inside a WebSocket frame");
        }
        wire.writeBytes(bytes);
        return bytes;
    }
}
