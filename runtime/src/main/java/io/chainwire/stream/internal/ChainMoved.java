package io.chainwire.stream.internal;

/** The block whose logs were being fetched left the chain meanwhile; the engine's step starts over. */
final class ChainMoved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChainMoved() {
        super("the block left the chain", null, false, false);
    }
}
