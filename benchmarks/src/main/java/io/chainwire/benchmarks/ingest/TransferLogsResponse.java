package io.chainwire.benchmarks.ingest;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes the body of an {@code eth_getLogs} response holding ERC-20 {@code Transfer} logs, as a node sends it: the
 * JSON-RPC envelope, then one object per log with geth's fields in geth's order, lower-case hex. The logs come from a
 * fixed seed, so the same count always gives the same bytes: three token contracts, a block every 20 logs, two or three
 * logs per transaction, senders and receivers from a pool of 1 000 holders, amounts from one unit to 18-decimal
 * millions.
 */
public final class TransferLogsResponse {
    /** Topic 0 of {@code Transfer(address,address,uint256)}. */
    public static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private static final long SEED = 0x5eed_1e55L;
    private static final int LOGS_PER_BLOCK = 20;
    private static final long FIRST_BLOCK = 19_000_000;
    private static final String[] TOKENS = {
        "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48",
        "0xdac17f958d2ee523a2206206994597c13d831ec7",
        "0x6b175474e89094c44da98b954eedeac495271d0f",
    };
    private static final int HOLDERS = 1_000;

    private TransferLogsResponse() {}

    /**
     * Returns the UTF-8 bytes of a response with id 1 and {@code count} logs.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public static byte[] of(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        StringBuilder json = new StringBuilder(64 + count * 720);
        json.append("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[");
        String blockHash = null;
        String transactionHash = null;
        int transactionIndex = -1;
        int logsLeftInTransaction = 0;
        for (int i = 0; i < count; i++) {
            int logIndex = i % LOGS_PER_BLOCK;
            if (logIndex == 0) {
                blockHash = word(random);
                transactionIndex = -1;
                logsLeftInTransaction = 0;
            }
            if (logsLeftInTransaction == 0) {
                transactionHash = word(random);
                transactionIndex += 1 + random.nextInt(3);
                logsLeftInTransaction = 2 + random.nextInt(2);
            }
            logsLeftInTransaction--;
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"address\":\"")
                    .append(TOKENS[random.nextInt(TOKENS.length)])
                    .append("\",\"topics\":[\"")
                    .append(TRANSFER_TOPIC)
                    .append("\",\"")
                    .append(holderTopic(random))
                    .append("\",\"")
                    .append(holderTopic(random))
                    .append("\"],\"data\":\"0x")
                    .append(amount(random))
                    .append("\",\"blockNumber\":\"0x")
                    .append(Long.toHexString(FIRST_BLOCK + i / LOGS_PER_BLOCK))
                    .append("\",\"transactionHash\":\"")
                    .append(transactionHash)
                    .append("\",\"transactionIndex\":\"0x")
                    .append(Integer.toHexString(transactionIndex))
                    .append("\",\"blockHash\":\"")
                    .append(blockHash)
                    .append("\",\"logIndex\":\"0x")
                    .append(Integer.toHexString(logIndex))
                    .append("\",\"removed\":false}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String holderTopic(SplittableRandom random) {
        // A holder is 20 bytes derived from its number; the topic pads it to 32 bytes.
        long holder = random.nextInt(HOLDERS);
        SplittableRandom bytes = new SplittableRandom(holder * 0x9e37_79b9_7f4a_7c15L);
        StringBuilder topic = new StringBuilder("0x000000000000000000000000");
        hex(topic, bytes.nextLong(), 16);
        hex(topic, bytes.nextLong(), 16);
        hex(topic, bytes.nextLong(), 8);
        return topic.toString();
    }

    private static String amount(SplittableRandom random) {
        // Mostly 18-decimal amounts (wider than a long), some 6-decimal ones, now and then one unit.
        StringBuilder word = new StringBuilder(64);
        int kind = random.nextInt(8);
        int significant = kind == 0 ? 1 : kind < 3 ? 10 : 18 + random.nextInt(4);
        word.append("0".repeat(64 - significant));
        for (int i = 0; i < significant; i++) {
            int digit = i == 0 ? 1 + random.nextInt(15) : random.nextInt(16);
            word.append(Character.forDigit(digit, 16));
        }
        return word.toString();
    }

    private static String word(SplittableRandom random) {
        StringBuilder word = new StringBuilder(66).append("0x");
        for (int i = 0; i < 4; i++) {
            hex(word, random.nextLong(), 16);
        }
        return word.toString();
    }

    private static void hex(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((int) (value >>> shift) & 0xf, 16));
        }
    }
}
