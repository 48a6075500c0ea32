package io.chainwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.codegen.abi.AbiEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Feeds every event shape of {@code conformance/Shapes.json} random and mutated logs: decoding either succeeds or
 * throws {@link AbiDecodingException}; no other exception, no hang, no out-of-memory. The hang guard is generous: it
 * catches a livelock, not slowness.
 */
class DecoderFuzzTest {
    static final int INPUTS_PER_EVENT = 100_000;
    private static final int SEEDS = 32;
    private static final byte[][] NASTY_WORDS = {
        word("ff".repeat(32)),
        word("00".repeat(28) + "7fffffff"),
        word("00".repeat(28) + "80000000"),
        word("00".repeat(24) + "ffffffffffffffff"),
        word("80" + "00".repeat(31)),
        word("00".repeat(31) + "20"),
        word("00".repeat(31) + "00"),
    };

    @TestFactory
    Stream<DynamicTest> decodingHostileLogsOnlyEverThrowsAbiDecodingException() {
        LoadedContract shapes = LoadedContract.fromFile(GeneratedCode.SHAPES);
        return GeneratedCode.readContract(GeneratedCode.SHAPES).events().stream()
                .map(event -> DynamicTest.dynamicTest(
                        event.signature(),
                        () -> assertTimeoutPreemptively(Duration.ofMinutes(5), () -> fuzz(shapes, event))));
    }

    private static void fuzz(LoadedContract shapes, AbiEvent event) throws Throwable {
        SplittableRandom random = new SplittableRandom(event.signature().hashCode() * 31L);
        AbiSamples samples = new AbiSamples(random.nextLong());
        List<RawLog> seeds = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            seeds.add(EventLogs.example(event, samples).log());
        }
        for (int i = 0; i < INPUTS_PER_EVENT; i++) {
            RawLog log = mutate(seeds.get(random.nextInt(SEEDS)), random);
            try {
                shapes.decode(event.name(), log);
            } catch (AbiDecodingException expected) {
                // the only acceptable failure
            } catch (Throwable unexpected) {
                fail("input " + i + " " + log + " threw " + unexpected, unexpected);
            }
        }
    }

    private static RawLog mutate(RawLog seed, SplittableRandom random) {
        byte[] data = seed.data().toByteArray();
        List<Hash> topics = new ArrayList<>(seed.topics());
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(8)) {
                case 0 -> data = randomBytes(random, random.nextInt(600));
                case 1 -> flipBit(data, random);
                case 2 -> data = overwriteWord(data, random, NASTY_WORDS[random.nextInt(NASTY_WORDS.length)]);
                case 3 ->
                    data = overwriteWord(data, random, word(String.format("%064x", random.nextInt(data.length + 96))));
                case 4 -> data = Arrays.copyOf(data, data.length == 0 ? 0 : random.nextInt(data.length));
                case 5 -> data = concat(data, randomBytes(random, 1 + random.nextInt(96)));
                case 6 -> mutateTopics(topics, random);
                default -> data = swapWords(data, random);
            }
        }
        return new RawLog(topics, Bytes.of(data), seed.meta());
    }

    private static void mutateTopics(List<Hash> topics, SplittableRandom random) {
        if (!topics.isEmpty() && random.nextBoolean()) {
            topics.remove(random.nextInt(topics.size()));
        } else if (topics.size() < RawLog.MAX_TOPICS && random.nextBoolean()) {
            topics.add(Hash.of(randomBytes(random, 32)));
        } else if (!topics.isEmpty()) {
            topics.set(random.nextInt(topics.size()), Hash.of(NASTY_WORDS[random.nextInt(NASTY_WORDS.length)]));
        }
    }

    private static void flipBit(byte[] data, SplittableRandom random) {
        if (data.length > 0) {
            data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
        }
    }

    private static byte[] overwriteWord(byte[] data, SplittableRandom random, byte[] word) {
        if (data.length < 32) {
            return data;
        }
        byte[] out = data.clone();
        System.arraycopy(word, 0, out, 32 * random.nextInt(data.length / 32), 32);
        return out;
    }

    private static byte[] swapWords(byte[] data, SplittableRandom random) {
        int words = data.length / 32;
        if (words < 2) {
            return data;
        }
        byte[] out = data.clone();
        int a = 32 * random.nextInt(words);
        int b = 32 * random.nextInt(words);
        System.arraycopy(data, a, out, b, 32);
        System.arraycopy(data, b, out, a, 32);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] word(String hex) {
        return Hash.fromHex(hex).toByteArray();
    }
}
