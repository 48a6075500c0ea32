package io.chainwire.rpc.internal;

/**
 * A response that parsed as JSON but does not hold what it should. Thrown by the readers, which know the field; turned
 * into a public {@code RpcResponseException} by {@link ResponseReader}, which knows the method and endpoint.
 */
final class MalformedResponse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    private MalformedResponse(String path, String problem) {
        super(problem, null, false, false);
        this.path = path;
    }

    /** A problem at the reader's current token, where the caller does not know the path yet. */
    static MalformedResponse at(JsonReader reader, String problem) {
        return new MalformedResponse("", problem + location(reader));
    }

    /** A problem at the reader's current token, at {@code path}. */
    static MalformedResponse at(JsonReader reader, String path, String problem) {
        return new MalformedResponse(path, problem + location(reader));
    }

    private static String location(JsonReader reader) {
        return " (offset " + reader.tokenOffset() + ")";
    }

    /** Returns this problem placed at {@code path}, unless it already has a path. */
    MalformedResponse under(String path) {
        return this.path.isEmpty() ? new MalformedResponse(path, getMessage()) : this;
    }

    /**
     * Returns this problem with its path, relative to a value, made relative to the response: a value read without
     * building its path (a log of many, on the hot path) is placed at {@code parent}.
     */
    MalformedResponse within(String parent) {
        return new MalformedResponse(FieldNames.child(parent, path), getMessage());
    }

    String path() {
        return path;
    }
}
