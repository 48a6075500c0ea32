package io.chainwire.testkit.internal.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads HTTP/1.1 message bodies (fixed length or chunked) and writes complete responses. */
final class HttpBody {
    /** Bounds what one request or response body may take in memory. */
    static final int MAX_BYTES = 64 << 20;

    private HttpBody() {}

    /**
     * Reads the body that follows {@code head}: {@code Content-Length} bytes, the chunks of a chunked body, or nothing.
     *
     * @throws IOException if the stream ends early, or the body is malformed or larger than {@link #MAX_BYTES}
     */
    static byte[] read(HttpHead head, InputStream in) throws IOException {
        if (head.hasToken("Transfer-Encoding", "chunked")) {
            return readChunked(in);
        }
        String length = head.field("Content-Length").orElse("0");
        long size;
        try {
            size = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length: " + length, e);
        }
        if (size < 0 || size > MAX_BYTES) {
            throw new IOException("Content-Length " + size + " is outside 0.." + MAX_BYTES);
        }
        return readExactly(in, (int) size);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String hex = HttpHead.readLine(in, false).split(";", 2)[0].strip();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size: " + hex, e);
            }
            if (size < 0 || body.size() + (long) size > MAX_BYTES) {
                throw new IOException("a chunked body is larger than " + MAX_BYTES + " bytes");
            }
            if (size == 0) {
                // Trailer fields, if any, up to the final empty line.
                for (int fields = 0; !HttpHead.readLine(in, false).isEmpty(); fields++) {
                    if (fields == HttpHead.MAX_FIELDS) {
                        throw new IOException("more than " + HttpHead.MAX_FIELDS + " trailer fields");
                    }
                }
                return body.toByteArray();
            }
            body.write(readExactly(in, size));
            expectCrlf(in);
        }
    }

    private static byte[] readExactly(InputStream in, int size) throws IOException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) {
            throw new IOException("the connection ended after " + bytes.length + " of " + size + " body bytes");
        }
        return bytes;
    }

    private static void expectCrlf(InputStream in) throws IOException {
        if (in.read() != '\r' || in.read() != '\n') {
            throw new IOException("a chunk does not end with CRLF");
        }
    }

    /** Writes a complete response with {@code Content-Length}, flushing it. */
    static void writeResponse(OutputStream out, int status, String contentType, List<HttpHead.Field> extra, byte[] body)
            throws IOException {
        HttpHead head = new HttpHead(
                HttpHead.statusLine(status),
                List.of(
                        new HttpHead.Field("Content-Type", contentType),
                        new HttpHead.Field("Content-Length", Integer.toString(body.length))));
        for (HttpHead.Field field : extra) {
            head = head.with(field.name(), field.value());
        }
        head.writeTo(out);
        out.write(body);
        out.flush();
    }

    /** Writes a plain-text response. */
    static void writeText(OutputStream out, int status, List<HttpHead.Field> extra, String text) throws IOException {
        writeResponse(out, status, "text/plain; charset=utf-8", extra, text.getBytes(StandardCharsets.UTF_8));
    }
}
