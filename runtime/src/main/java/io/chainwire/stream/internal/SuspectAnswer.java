package io.chainwire.stream.internal;

/**
 * A node's answer may be incomplete: it holds no log of a block whose header's bloom says the block may hold a matching
 * log. Blooms have false positives, so the answer is asked for again, from another endpoint when there is one, and
 * accepted once a second answer agrees.
 */
public final class SuspectAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the endpoint, the request and the doubt. */
    public SuspectAnswer(String message) {
        super(message, null, false, false);
    }
}
