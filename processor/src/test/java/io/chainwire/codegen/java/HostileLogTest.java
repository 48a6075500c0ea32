package io.chainwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.RawLog;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated decoders on mutated logs: each either decodes or throws an {@link AbiDecodingException},
 * never another exception. A smoke test of the generated code paths; the decoder's own fuzzing
 * lives with the runtime.
 */
class HostileLogTest {
  private static final int MUTATIONS = 3_000;
  private static final LoadedContract MARKET = LoadedContract.golden("structs");
  private static final long[] WORDS = {0, 1, 0x20, 0x40, 0x7fff_ffffL, 0xffff_ffffL, Long.MAX_VALUE, -1};

  @ParameterizedTest
  @ValueSource(strings = {"ordersMatched", "batch", "grid"})
  void mutatedLogsDecodeOrFailWithAbiDecodingException(String shape) {
    Supplier<RawLog> valid = switch (shape) {
      case "ordersMatched" -> GeneratedDecodingTest::ordersMatched;
      case "batch" -> GeneratedDecodingTest::batch;
      default -> GeneratedDecodingTest::grid;
    };
    RawLog original = valid.get();
    byte[] data = original.data().toByteArray();
    Random random = new Random(shape.hashCode());
    int rejected = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      RawLog mutated = new RawLog(original.topics(), Bytes.of(mutate(data, random)), original.meta());
      try {
        MARKET.decode(mutated);
      } catch (AbiDecodingException expected) {
        rejected++;
      }
    }
    assertTrue(rejected > MUTATIONS / 4, "only " + rejected + " of " + MUTATIONS + " mutations were rejected");
  }

  private static byte[] mutate(byte[] data, Random random) {
    byte[] out = data.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && out.length >= 32; e++) {
      int word = random.nextInt(out.length / 32) * 32;
      switch (random.nextInt(4)) {
        case 0 -> setWord(out, word, WORDS[random.nextInt(WORDS.length)]);
        case 1 -> setWord(out, word, random.nextInt(data.length + 64));
        case 2 -> out[word + random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
        default -> out = Arrays.copyOf(out, random.nextInt(out.length));
      }
    }
    return out;
  }

  private static void setWord(byte[] data, int offset, long value) {
    Arrays.fill(data, offset, offset + 24, (byte) (value < 0 ? 0xff : 0));
    for (int i = 0; i < 8; i++) {
      data[offset + 31 - i] = (byte) (value >>> (8 * i));
    }
  }
}
