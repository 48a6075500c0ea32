package io.chainwire.testkit.internal.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The start line and header fields of an HTTP/1.1 message, read and written as the wire has them.
 *
 * @param startLine the request line ({@code POST / HTTP/1.1}) or status line ({@code HTTP/1.1 101 Switching Protocols})
 * @param fields the header fields in order, as {@code name: value} pairs
 */
record HttpHead(String startLine, List<Field> fields) {
    private static final int MAX_LINE = 16 * 1024;
    static final int MAX_FIELDS = 200;

    /** One header field. */
    record Field(String name, String value) {}

    /**
     * Reads a head up to and including its empty line.
     *
     * @return the head, or null if the stream ends before its first byte
     * @throws IOException if the stream ends inside the head, or the head is malformed or too large
     */
    static HttpHead read(InputStream in) throws IOException {
        String startLine = readLine(in, true);
        if (startLine == null) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed HTTP header line: " + abbreviate(line));
            }
            if (fields.size() == MAX_FIELDS) {
                throw new IOException("more than " + MAX_FIELDS + " HTTP header fields");
            }
            fields.add(new Field(
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return new HttpHead(startLine, List.copyOf(fields));
    }

    /** Returns the value of the first field called {@code name}, ignoring case. */
    Optional<String> field(String name) {
        return fields.stream()
                .filter(field -> field.name().equalsIgnoreCase(name))
                .map(Field::value)
                .findFirst();
    }

    /** Returns true if field {@code name} lists {@code token} among its comma-separated values, ignoring case. */
    boolean hasToken(String name, String token) {
        return fields.stream()
                .filter(field -> field.name().equalsIgnoreCase(name))
                .flatMap(field -> List.of(field.value().split(",")).stream())
                .anyMatch(value -> value.strip().equalsIgnoreCase(token));
    }

    /** Returns the request method, the first word of a request line. */
    String method() {
        return word(0);
    }

    /** Returns the status code of a status line. */
    int status() throws IOException {
        try {
            return Integer.parseInt(word(1));
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP status line: " + abbreviate(startLine), e);
        }
    }

    /** Returns this head with field {@code name} replaced by (or set to) {@code value}, or removed if it is null. */
    HttpHead with(String name, String value) {
        List<Field> changed = new ArrayList<>();
        for (Field field : fields) {
            if (!field.name().equalsIgnoreCase(name)) {
                changed.add(field);
            }
        }
        if (value != null) {
            changed.add(new Field(name, value));
        }
        return new HttpHead(startLine, List.copyOf(changed));
    }

    /** Writes the head and its empty line. */
    void writeTo(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        for (Field field : fields) {
            text.append(field.name()).append(": ").append(field.value()).append("\r\n");
        }
        out.write(text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private String word(int index) {
        String[] words = startLine.split(" ", 3);
        return index < words.length ? words[index] : "";
    }

    /** Reads a CRLF- (or LF-) terminated line; null at a clean end of stream if {@code endAllowed}. */
    static String readLine(InputStream in, boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new IOException("the connection ended inside an HTTP head");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() == MAX_LINE) {
                throw new IOException("an HTTP head line is longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** The HTTP/1.1 reason phrase of a status the proxy sends. */
    static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return status < 500 ? "Client Error" : "Server Error";
        }
    }

    /** Returns a status line for {@code status}. */
    static String statusLine(int status) {
        return "HTTP/1.1 " + status + " " + reason(status);
    }
}
