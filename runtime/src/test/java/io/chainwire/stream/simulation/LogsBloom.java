package io.chainwire.stream.simulation;

import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.util.List;

/**
 * The 2048-bit {@code logsBloom} of a block header, from its logs: each log's address and topics set three bits each,
 * chosen by their Keccak-256 hash. The simulated nodes serve it with every header so that the engine can check answers
 * against it.
 *
 * <p>Hook: once {@code io.chainwire.rpc.Bloom} exists, build the header's bloom with it here (and compare the two in a
 * test), so the nodes and the engine agree by construction.
 */
final class LogsBloom {
    static final int BYTES = 256;

    private LogsBloom() {}

    /** Returns the bloom of {@code logs}. */
    static Bytes of(List<RawLog> logs) {
        byte[] bloom = new byte[BYTES];
        for (RawLog log : logs) {
            add(bloom, log.address().toByteArray());
            for (Hash topic : log.topics()) {
                add(bloom, topic.toByteArray());
            }
        }
        return Bytes.of(bloom);
    }

    private static void add(byte[] bloom, byte[] value) {
        byte[] hash = Hash.keccak256(value).toByteArray();
        for (int i = 0; i < 6; i += 2) {
            int bit = (((hash[i] & 0xff) << 8) | (hash[i + 1] & 0xff)) & 2047;
            bloom[BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
        }
    }
}
