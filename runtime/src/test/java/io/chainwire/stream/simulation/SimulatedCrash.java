package io.chainwire.stream.simulation;

/**
 * The process dies, as with {@code kill -9}: thrown on the stream's delivery thread from inside a clock wait, a node
 * request or a store call, it unwinds the engine without letting anything commit. An {@link Error}, so that nothing
 * that handles failures handles it.
 */
public final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    /** Creates the crash, saying where it struck. */
    public SimulatedCrash(String where) {
        super("simulated crash " + where, null, false, false);
    }
}
