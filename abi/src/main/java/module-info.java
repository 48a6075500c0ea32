/**
 * What generated code and handlers compile against: ABI values, raw logs, the bounds-checked decoder, topics and
 * filters, the annotations, and the handler contract ({@code EventDispatcher}, {@code EventContext}). It depends on
 * nothing beyond the JDK.
 */
// "module": io.chainwire.benchmarks is not published and is never on this module's path, so javac
// cannot find it; the qualified export to it is deliberate (see below).
@SuppressWarnings("module")
module io.chainwire.abi {
    // EventContext.connection() returns a java.sql.Connection.
    requires transitive java.sql;

    exports io.chainwire.abi;
    exports io.chainwire.annotation;
    exports io.chainwire.handler;

    // Hex, Keccak256 and ValueAccess, for chainwire's own decoders: the runtime's JSON-RPC reader, and
    // the decode benchmarks' hand-written baseline, which reads log bytes in place as AbiDecoder does
    // (BENCHMARKS.md). Nobody else reads them.
    exports io.chainwire.abi.internal to
            io.chainwire.runtime,
            io.chainwire.benchmarks;
}
