package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.abi.Address;
import io.chainwire.rpc.RpcEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample's command line: what it accepts, and the message for each mistake. */
class HelloOptionsTest {
    private static final String HELLO = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    @Test
    void readsEveryOptionInBothForms() throws UsageException {
        HelloOptions options = HelloOptions.parse(
                "--rpc",
                "ws://127.0.0.1:8545,http://127.0.0.1:8546",
                "--rpc=http://127.0.0.1:8547",
                "--address",
                HELLO,
                "--db=hello.db",
                "--from",
                "12",
                "--confirmations",
                "2",
                "--max-range=5",
                "--lease-seconds",
                "3");

        assertEquals(
                List.of(
                        RpcEndpoint.of("ws://127.0.0.1:8545"),
                        RpcEndpoint.of("http://127.0.0.1:8546"),
                        RpcEndpoint.of("http://127.0.0.1:8547")),
                options.endpoints());
        assertEquals(Address.fromHex(HELLO), options.contract());
        assertEquals(new Database.Sqlite(Path.of("hello.db")), options.database());
        assertEquals(12, options.fromBlock());
        assertEquals(2, options.confirmations());
        assertEquals(5, options.maxRange());
        assertEquals(Duration.ofSeconds(3), options.lease());
    }

    @Test
    void defaultsToBlockZeroNoConfirmationsRangesOf2000AndATenSecondLeaseAndTakesAJdbcUrl() throws UsageException {
        HelloOptions options = HelloOptions.parse(
                "--rpc",
                "http://127.0.0.1:8545",
                "--address",
                HELLO,
                "--jdbc",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

        assertEquals(new Database.Jdbc("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"), options.database());
        assertEquals(
                "Jdbc[jdbc:postgresql://127.0.0.1:5432/test]",
                options.database().toString());
        assertEquals(0, options.fromBlock());
        assertEquals(0, options.confirmations());
        assertEquals(2_000, options.maxRange());
        assertEquals(Duration.ofSeconds(10), options.lease());
    }

    @Test
    void helpAsksForTheUsageText() throws UsageException {
        assertNull(HelloOptions.parse("--rpc", "http://127.0.0.1:8545", "--help"));
    }

    @Test
    void namesWhatIsMissing() {
        assertEquals("--rpc is required: the URL of at least one node", message("--address", HELLO, "--db", "x.db"));
        assertEquals(
                "--address is required: the Hello contract's address",
                message("--rpc", "http://127.0.0.1:8545", "--db", "x.db"));
        assertEquals(
                "--db or --jdbc is required: where to keep messages and the checkpoint",
                message("--rpc", "http://127.0.0.1:8545", "--address", HELLO));
        assertEquals("--from needs a value", message("--rpc", "http://127.0.0.1:8545", "--from"));
    }

    @Test
    void namesWhatIsMalformedRepeatedOrUnknown() {
        assertEquals(
                "--rpc: the RPC URL must start with http://, https://, ws:// or wss://, got scheme \"ftp\"",
                message("--rpc", "ftp://127.0.0.1"));
        assertEquals(
                "--rpc has an empty URL in \"http://127.0.0.1:8545,\"", message("--rpc", "http://127.0.0.1:8545,"));
        assertEquals(
                "--address: an address has 20 bytes (40 hex digits), got 2 in \"0x1234\"",
                message("--address", "0x1234"));
        assertEquals(
                "--from must be a whole number from 0 to 9223372036854775807, got \"-1\"", message("--from", "-1"));
        assertEquals(
                "--confirmations must be a whole number from 0 to 1000, got \"two\"",
                message("--confirmations", "two"));
        assertEquals("--max-range must be a whole number from 1 to 1000000, got \"0\"", message("--max-range", "0"));
        assertEquals(
                "--lease-seconds must be a whole number from 1 to 600, got \"0\"", message("--lease-seconds", "0"));
        assertEquals(
                "--lease-seconds must be a whole number from 1 to 600, got \"2.5\"", message("--lease-seconds=2.5"));
        assertEquals("--jdbc must be a JDBC URL starting with jdbc:", message("--jdbc", "postgresql://127.0.0.1/test"));
        assertEquals("give either --db or --jdbc, not both", message("--db", "x.db", "--jdbc", "jdbc:sqlite:y.db"));
        assertEquals("--address is given twice", message("--address", HELLO, "--address", HELLO));
        assertEquals("unknown option --port", message("--port", "8545"));
        assertEquals("unexpected argument \"hello.db\"; options start with --", message("hello.db"));
    }

    private static String message(String... args) {
        return assertThrows(UsageException.class, () -> HelloOptions.parse(args))
                .getMessage();
    }
}
