/**
 * The stream engine: JSON-RPC clients over HTTP and WebSocket ({@code io.chainwire.rpc}), event streams with backfill,
 * live following, reorganisations and leases ({@code io.chainwire.stream}), and checkpoint stores
 * ({@code io.chainwire.checkpoint}). It brings {@code io.chainwire.abi}, what generated code and handlers compile
 * against.
 *
 * <p>The default checkpoint store opens {@code jdbc:sqlite:} URLs through {@link java.sql.DriverManager}, which finds
 * sqlite-jdbc (module {@code org.xerial.sqlitejdbc}, a {@code java.sql.Driver} provider) by the service loader; so do
 * PostgreSQL's and any other driver. No driver is required here: the application's module path, or class path, holds
 * the ones it uses.
 */
// "module": io.chainwire.benchmarks is not published and is never on this module's path, so javac
// cannot find it; the qualified export to it is deliberate (see below).
@SuppressWarnings("module")
module io.chainwire.runtime {
    // Types of these modules appear in this module's API: every handler sees chainwire-abi's, the
    // checkpoint stores take and give java.sql's (UnitOfWork.connection(), JdbcCheckpointStore's
    // DataSource), and the client builders take a java.net.http.HttpClient.
    requires transitive io.chainwire.abi;
    requires transitive java.sql;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports io.chainwire.rpc;
    exports io.chainwire.stream;
    exports io.chainwire.checkpoint;

    // The ingest benchmark measures the response reader (JsonReader, ResponseReader, LogsParser) on a
    // response body held in memory, as the HTTP client runs it, without a socket (BENCHMARKS.md).
    exports io.chainwire.rpc.internal to
            io.chainwire.benchmarks;
}
