package io.chainwire.samples.hello;

import io.chainwire.abi.Address;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.EventStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The command line of {@link HelloApp}, parsed and checked.
 *
 * @param endpoints the nodes, in the order to try them
 * @param contract the Hello contract
 * @param database where messages and the checkpoint are kept
 * @param fromBlock the first block to read when the database has no checkpoint yet
 * @param confirmations how deep a block must be before it is delivered
 * @param maxRange the widest block range asked of a node in one {@code eth_getLogs} call
 * @param lease how long the leader's lease lasts without renewal, when copies share the database
 */
record HelloOptions(
        List<RpcEndpoint> endpoints,
        Address contract,
        Database database,
        long fromBlock,
        int confirmations,
        long maxRange,
        Duration lease) {
    /** The lease when {@code --lease-seconds} is not given: the stream's own default. */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

    /** What {@code --help} prints, and a bad command line after its reason. */
    static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage: java -jar hello.jar --rpc URL[,URL...] --address 0x... (--db FILE | --jdbc URL)",
            "                           [--from BLOCK] [--confirmations N] [--max-range N] [--lease-seconds N]",
            "",
            "Follows the MessageSent events of a Hello contract, prints each one as it arrives, and keeps",
            "every message, byte for byte, in table messages(block_number, log_index, tx_hash, sender,",
            "message), written in the same transaction as the stream's checkpoint; a reorganisation deletes",
            "the rows it removed. A restart resumes from the checkpoint. Stop it with Ctrl-C or SIGTERM.",
            "Copies run on one database (one --jdbc URL, or one --db file on one host) take turns: one leads",
            "and writes, the others stand by and take over when it stops.",
            "",
            "  --rpc URL          a node's JSON-RPC URL (http, https, ws or wss); repeat the option or",
            "                     separate URLs with commas to fail over between nodes",
            "  --address 0x...    the Hello contract's address",
            "  --db FILE          the SQLite file for messages and checkpoint, created if absent",
            "  --jdbc URL         a database by JDBC URL instead, for example",
            "                     jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
            "  --from BLOCK       the first block to read when there is no checkpoint yet (default 0)",
            "  --confirmations N  deliver a block only once N blocks are on top of it (default 0)",
            "  --max-range N      ask a node for the logs of at most N blocks at a time, 1 to 1000000",
            "                     (default 2000); a backfill commits once per range",
            "  --lease-seconds N  how long a leader that stopped renewing its lease keeps it before a",
            "                     standby copy takes over, 1 to 600 (default 10); it renews every N/3 s",
            "  --help             print this text",
            "");

    HelloOptions {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(lease, "lease");
    }

    /**
     * Parses {@code args}; {@code --name value} and {@code --name=value} are both accepted.
     *
     * @return the options, or null if {@code --help} was asked for
     * @throws UsageException naming the option that is missing, repeated, unknown or malformed
     */
    static HelloOptions parse(String... args) throws UsageException {
        List<RpcEndpoint> endpoints = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Address contract = null;
        Database database = null;
        long fromBlock = 0;
        int confirmations = 0;
        long maxRange = EventStream.DEFAULT_MAX_RANGE;
        Duration lease = DEFAULT_LEASE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + arg + "\"; options start with --");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (!name.equals("--rpc") && !seen.add(name)) {
                throw new UsageException(name + " is given twice");
            }
            switch (name) {
                case "--rpc" -> endpoints.addAll(endpoints(value));
                case "--address" -> contract = address(value);
                case "--db" -> database = database(database, new Database.Sqlite(path(value)));
                case "--jdbc" -> database = database(database, new Database.Jdbc(jdbcUrl(value)));
                case "--from" -> fromBlock = number(name, value, 0, Long.MAX_VALUE);
                case "--confirmations" -> confirmations = (int) number(name, value, 0, 1000);
                case "--max-range" -> maxRange = number(name, value, 1, 1_000_000);
                case "--lease-seconds" -> lease = Duration.ofSeconds(number(name, value, 1, 600));
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (endpoints.isEmpty()) {
            throw new UsageException("--rpc is required: the URL of at least one node");
        }
        if (contract == null) {
            throw new UsageException("--address is required: the Hello contract's address");
        }
        if (database == null) {
            throw new UsageException("--db or --jdbc is required: where to keep messages and the checkpoint");
        }
        return new HelloOptions(endpoints, contract, database, fromBlock, confirmations, maxRange, lease);
    }

    private static List<RpcEndpoint> endpoints(String value) throws UsageException {
        List<RpcEndpoint> endpoints = new ArrayList<>();
        for (String url : value.split(",", -1)) {
            if (url.isBlank()) {
                throw new UsageException("--rpc has an empty URL in \"" + value + "\"");
            }
            try {
                endpoints.add(RpcEndpoint.of(url.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--rpc: " + e.getMessage());
            }
        }
        return endpoints;
    }

    private static Address address(String value) throws UsageException {
        try {
            return Address.fromHex(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--address: " + e.getMessage());
        }
    }

    private static Database database(Database previous, Database next) throws UsageException {
        if (previous != null) {
            throw new UsageException("give either --db or --jdbc, not both");
        }
        return next;
    }

    private static Path path(String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("--db needs a file name");
        }
        return Path.of(value);
    }

    private static String jdbcUrl(String value) throws UsageException {
        if (!value.startsWith("jdbc:")) {
            throw new UsageException("--jdbc must be a JDBC URL starting with jdbc:");
        }
        return value;
    }

    private static long number(String name, String value, long min, long max) throws UsageException {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new UsageException(
                name + " must be a whole number from " + min + " to " + max + ", got \"" + value + "\"");
    }
}
