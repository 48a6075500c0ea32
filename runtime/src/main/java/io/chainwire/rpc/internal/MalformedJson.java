package io.chainwire.rpc.internal;

/**
 * Input that is not JSON, thrown by {@link JsonReader} with the line and column of the first byte it could not accept.
 * {@link ResponseReader#malformedJson} turns it into a public exception.
 */
final class MalformedJson extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    MalformedJson(String problem, long line, long column) {
        super(problem, null, false, false);
        this.line = line;
        this.column = column;
    }

    /** Returns the 1-based line of the problem. */
    long line() {
        return line;
    }

    /** Returns the 1-based column, in bytes, of the problem. */
    long column() {
        return column;
    }
}
