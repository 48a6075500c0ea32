package io.chainwire.stream.internal;

import java.util.function.BooleanSupplier;

/**
 * Decides when an answer that {@linkplain SuspectAnswer may be incomplete} is taken after all: once a second answer
 * agrees, from another endpoint than the first, since the first may answer the same way however often it is asked; from
 * the same endpoint only when no other can be asked (the stream has one, or the others have failed for a minute in a
 * row). Blooms have false positives, so an answer cannot be refused for good.
 */
final class Suspicion {
    private final BooleanSupplier alone;
    private Endpoint first;

    /** Creates the decision for one request; {@code alone} says whether only one endpoint can be asked now. */
    Suspicion(BooleanSupplier alone) {
        this.alone = alone;
    }

    /** Returns true once an answer was found suspect. */
    boolean raised() {
        return first != null;
    }

    /**
     * Returns true if a suspect answer of {@code endpoint} is to be taken: it agrees with an earlier one of another
     * endpoint, or with an earlier one of the stream's only endpoint.
     */
    boolean settledBy(Endpoint endpoint) {
        if (first == null) {
            first = endpoint;
            return false;
        }
        return endpoint != first || alone.getAsBoolean();
    }
}
