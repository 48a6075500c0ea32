package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Bad configuration and bad values are refused with messages that name the parameter. */
class CheckpointConfigurationTest {
    @TempDir
    Path directory;

    private static String message(Class<? extends Throwable> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-leading-dash", "has space", "semi;colon", "quote'd"})
    void refusesInvalidStreamIds(String id) {
        assertEquals(
                "stream id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, got \""
                        + id + "\"",
                message(IllegalArgumentException.class, () -> StreamId.of(id)));
    }

    @Test
    void acceptsStreamIdsUpToTheirLimit() {
        String longest = "a".repeat(StreamId.MAX_LENGTH);
        assertEquals(longest, StreamId.of(longest).value());
        assertThrows(IllegalArgumentException.class, () -> StreamId.of(longest + "a"));
        assertEquals(StreamId.of("mainnet.usdc_transfers-1"), StreamId.of("mainnet.usdc_transfers-1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Upper_",
                "1starts_with_digit",
                "has-dash",
                "drop table;",
                "a_prefix_longer_than_forty_characters_xxx"
            })
    void refusesTablePrefixesThatAreNotPlainIdentifiers(String prefix) {
        String expected =
                "tablePrefix must be 1 to 40 lowercase letters, digits and underscores, starting with a letter, got \""
                        + prefix
                        + "\"";
        assertEquals(
                expected,
                message(
                        IllegalArgumentException.class,
                        () -> SqliteCheckpointStore.builder(directory).tablePrefix(prefix)));
        assertEquals(
                expected,
                message(
                        IllegalArgumentException.class,
                        () -> JdbcCheckpointStore.builder().tablePrefix(prefix)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 100_001})
    void refusesWindowsOutOfRange(int count) {
        String expected = "recentBlocks must be between 1 and 100000, got " + count;
        assertEquals(expected, message(IllegalArgumentException.class, () -> new InMemoryCheckpointStore(count)));
        assertEquals(
                expected,
                message(
                        IllegalArgumentException.class,
                        () -> SqliteCheckpointStore.builder(directory).recentBlocks(count)));
        assertEquals(
                expected,
                message(
                        IllegalArgumentException.class,
                        () -> JdbcCheckpointStore.builder().recentBlocks(count)));
    }

    @Test
    void refusesBusyTimeoutsOutOfRange() {
        assertEquals(
                "busyTimeout must be between 1 millisecond and 1 hour, got PT0S",
                message(
                        IllegalArgumentException.class,
                        () -> SqliteCheckpointStore.builder(directory).busyTimeout(Duration.ZERO)));
        assertThrows(
                IllegalArgumentException.class,
                () -> SqliteCheckpointStore.builder(directory).busyTimeout(Duration.ofHours(2)));
    }

    @Test
    void refusesADirectoryAsSqliteFile() {
        assertEquals(
                "file must be a SQLite file, but " + directory.toAbsolutePath() + " is a directory",
                message(
                        IllegalArgumentException.class,
                        () -> SqliteCheckpointStore.builder(directory).build()));
    }

    @Test
    void reportsADirectoryThatCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(directory.resolve("blocker"), "a file where a directory should be");
        Path file = blocker.resolve("chainwire.db");
        assertEquals(
                "could not create the directory of SQLite file " + file.toAbsolutePath(),
                message(
                        CheckpointException.class,
                        () -> SqliteCheckpointStore.builder(file).build()));
    }

    @Test
    void reportsAFileThatIsNotASqliteDatabase() throws IOException {
        Path file =
                Files.writeString(directory.resolve("notes.db"), "these are not the pages of a database ".repeat(200));
        String error = message(
                CheckpointException.class,
                () -> SqliteCheckpointStore.builder(file).build());
        assertTrue(error.contains("SQLite file " + file.toAbsolutePath()), error);
    }

    @Test
    void jdbcStoreNeedsExactlyOneConnectionSource() {
        assertEquals(
                "set exactly one of dataSource and url",
                message(
                        IllegalStateException.class,
                        () -> JdbcCheckpointStore.builder().build()));
        PGSimpleDataSource source = new PGSimpleDataSource();
        assertEquals(
                "set exactly one of dataSource and url",
                message(
                        IllegalStateException.class,
                        () -> JdbcCheckpointStore.builder()
                                .dataSource(source)
                                .url("jdbc:postgresql://h/d")
                                .build()));
        assertEquals(
                "user and password go with url; a dataSource carries its own",
                message(
                        IllegalStateException.class,
                        () -> JdbcCheckpointStore.builder()
                                .dataSource(source)
                                .user("app")
                                .build()));
    }

    @Test
    void refusesAUrlThatIsNotJdbcWithoutPrintingItsSecrets() {
        assertEquals(
                "url must start with \"jdbc:\", got \"postgresql://db/app\"",
                message(
                        IllegalArgumentException.class,
                        () -> JdbcCheckpointStore.builder().url("postgresql://app:hunter2@db/app?password=hunter2")));
    }

    @Test
    void unreachableDatabaseIsReportedWithoutCredentials() {
        CheckpointException error = assertThrows(
                CheckpointException.class,
                () -> JdbcCheckpointStore.builder()
                        .url("jdbc:postgresql://127.0.0.1:1/test?password=hunter2")
                        .user("postgres")
                        .password("hunter3")
                        .build());
        assertEquals(
                "could not connect to the checkpoint store jdbc:postgresql://127.0.0.1:1/test", error.getMessage());
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains("hunter"), cause.getMessage());
        }
    }

    @Test
    void refusesMalformedValues() {
        Hash hash = Hash.keccak256("x");
        assertEquals(
                "block number must not be negative, got -1",
                message(IllegalArgumentException.class, () -> new BlockRef(-1, hash, hash)));
        StreamId stream = StreamId.of("s");
        assertEquals(
                "a checkpoint holds at least one block",
                message(IllegalArgumentException.class, () -> new Checkpoint(stream, List.of())));
        BlockRef two = CheckpointStoreContract.A.block(2);
        BlockRef one = CheckpointStoreContract.A.block(1);
        assertTrue(message(IllegalArgumentException.class, () -> new Checkpoint(stream, List.of(two, one)))
                .contains("strictly ascending"));
        assertEquals(
                "delivered logs of block 3, which is not a recent block of the checkpoint",
                message(
                        IllegalArgumentException.class,
                        () -> new Checkpoint(
                                stream, List.of(one, two), Map.of(3L, List.of(CheckpointStoreContract.A.log(3, 0))))));
        assertTrue(message(
                        IllegalArgumentException.class,
                        () -> new Checkpoint(
                                stream, List.of(one, two), Map.of(2L, List.of(CheckpointStoreContract.A.log(1, 0)))))
                .contains("is not a log of block 2"));
        assertEquals(
                "handler name must not be blank",
                message(
                        IllegalArgumentException.class,
                        () -> DeadLetter.of(
                                stream,
                                CheckpointStoreContract.A.log(1, 0),
                                false,
                                " ",
                                new RuntimeException(),
                                Instant.now())));
    }
}
