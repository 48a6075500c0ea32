package io.chainwire.rpc.internal;

import io.chainwire.rpc.RpcEndpoint;

/**
 * Stands in for an exception whose message (or whose causes' messages) would reveal a secret part of an endpoint URL:
 * same class name in the message, redacted text, same stack trace.
 */
public final class RedactedCause extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 32;

    private RedactedCause(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    /** Returns {@code cause} itself if no message in its chain mentions a secret, else a redacted copy. */
    public static Throwable of(Throwable cause, RpcEndpoint endpoint) {
        return cause == null || !leaks(cause, endpoint, 0) ? cause : copy(cause, endpoint, 0);
    }

    private static boolean leaks(Throwable throwable, RpcEndpoint endpoint, int depth) {
        if (throwable == null || depth >= MAX_DEPTH) {
            return false;
        }
        return endpoint.leaksInto(throwable.getMessage())
                || endpoint.leaksInto(throwable.getLocalizedMessage())
                || leaks(throwable.getCause(), endpoint, depth + 1);
    }

    private static RedactedCause copy(Throwable throwable, RpcEndpoint endpoint, int depth) {
        Throwable next = throwable.getCause();
        RedactedCause cause = next == null || depth + 1 >= MAX_DEPTH ? null : copy(next, endpoint, depth + 1);
        String message = throwable.getMessage() == null ? "" : ": " + endpoint.redact(throwable.getMessage());
        RedactedCause copy = new RedactedCause(throwable.getClass().getName() + message, cause);
        copy.setStackTrace(throwable.getStackTrace());
        return copy;
    }
}
