package io.chainwire.rpc.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a response body through while it stays within a limit of bytes, and fails the read that crosses it: nothing
 * past the limit (and one byte) is ever read, so a reader never buffers more than the limit, whatever the server sends.
 */
final class ResponseLimit extends FilterInputStream {
    private final long limit;
    private long count;

    private ResponseLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Returns {@code in}, limited to {@code limit} bytes. */
    static ResponseLimit of(InputStream in, long limit) {
        return new ResponseLimit(in, limit);
    }

    /** Returns how many more bytes may be read. */
    long remaining() {
        return limit - count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // One byte more than the limit allows tells a body of exactly the limit from a larger one.
        int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws Exceeded {
        count += n;
        if (count > limit) {
            throw new Exceeded(limit);
        }
    }

    /** The body grew past the limit; the transport turns this into a public exception. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        Exceeded(long limit) {
            super("the response is larger than " + limit + " bytes");
        }
    }
}
