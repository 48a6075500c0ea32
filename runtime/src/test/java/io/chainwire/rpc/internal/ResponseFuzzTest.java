package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.abi.RawLog;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile responses: each of a few real response bodies, mutated at random (bytes replaced with JSON's special
 * characters or any byte, inserted, deleted, segments repeated, the body cut short) and arriving a random few bytes at
 * a time, either reads or fails with the public response or error exception. Nothing else may escape (no index, state,
 * arithmetic or memory error) and nothing may hang. Seeded, so a failure names the seed and mutation that reproduce it.
 */
class ResponseFuzzTest {
    private static final int MUTATIONS_PER_BODY = 20_000;
    private static final byte[] SPECIAL = "{}[]:,\"\\0x-+.eE \n\tu".getBytes(StandardCharsets.US_ASCII);
    private static final RpcCall<List<RawLog>> GET_LOGS = new RpcCall<>("eth_getLogs", Params.NONE, LogsParser.LOGS);
    private static final List<RpcCall<?>> BATCH = List.of(
            new RpcCall<>("eth_getBlockByNumber", Params.NONE, BlockHeaderReader.OPTIONAL),
            new RpcCall<>("eth_getLogs", Params.NONE, LogsParser.LOGS));

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedLogsResponsesReadOrFailWithAResponseException() {
        byte[] body = Responses.resource("anvil-getLogs.json").getBytes(StandardCharsets.UTF_8);
        fuzz(body, 0x10c5L, (mutated, chunk) -> Responses.single(Responses.trickle(mutated, chunk), 7, GET_LOGS));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedBatchesAndErrorsReadOrFailWithAResponseException() {
        String header =
                "{\"number\":\"0x6\",\"hash\":\"0x" + "ab".repeat(32) + "\",\"parentHash\":\"0x" + "cd".repeat(32)
                        + "\",\"timestamp\":\"0x5f5e100\",\"extra\":[{\"a\":[1,2.5e3,-0.1,true,null]},\"\\u00e9\\ud83d\\ude00\"]}";
        String logs = Responses.resource("anvil-getLogs.json");
        String logsResult = logs.substring(logs.indexOf("\"result\":") + 9, logs.lastIndexOf('}'));
        byte[] batch = ("[{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":" + logsResult + "},"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":" + header + "}]")
                .getBytes(StandardCharsets.UTF_8);
        byte[] error =
                ("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32005,\"message\":\"query returned more than 10000 results\","
                                + "\"data\":{\"from\":\"0x1\",\"to\":[\"0x2\",{\"x\":null}]}}}")
                        .getBytes(StandardCharsets.UTF_8);
        fuzz(batch, 0xba7cL, ResponseFuzzTest::readBatch);
        fuzz(error, 0xe770L, ResponseFuzzTest::readBatch);
    }

    private static List<RpcResult<Object>> readBatch(byte[] body, int chunk) {
        try {
            return ResponseReader.batch(JsonReader.of(Responses.trickle(body, chunk)), Responses.ENDPOINT, 2, BATCH);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream failed", e);
        }
    }

    /** Reads a body that arrives {@code chunk} bytes at a time. */
    private interface Read {
        Object read(byte[] body, int chunk);
    }

    private static void fuzz(byte[] original, long seed, Read read) {
        SplittableRandom random = new SplittableRandom(seed);
        int rejected = 0;
        for (int i = 0; i < MUTATIONS_PER_BODY; i++) {
            byte[] mutated = mutate(original, random);
            int chunk = 1 + random.nextInt(128);
            try {
                read.read(mutated, chunk);
            } catch (RpcResponseException | RpcErrorException expected) {
                rejected++;
            } catch (RuntimeException | Error e) {
                fail(
                        "mutation " + i + " of seed " + seed + " (chunks of " + chunk + ") escaped as " + e + ":\n"
                                + new String(mutated, StandardCharsets.UTF_8),
                        e);
            }
        }
        assertTrue(rejected > MUTATIONS_PER_BODY / 2, "most mutations should be rejected, got " + rejected);
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int edit = 0; edit < edits && bytes.length > 0; edit++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = splice(bytes, at, 0, new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]});
                case 3 -> bytes = splice(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(8)), new byte[0]);
                case 4 -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(64));
                    byte[] segment = Arrays.copyOfRange(bytes, at, at + length);
                    bytes = splice(bytes, at, 0, segment);
                }
                default -> bytes = Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }
}
