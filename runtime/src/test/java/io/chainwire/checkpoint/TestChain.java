package io.chainwire.checkpoint;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import java.util.List;

/** Deterministic blocks and logs for checkpoint tests: branch {@code name}'s block n has a hash of its own. */
final class TestChain {
    private final String name;

    private TestChain(String name) {
        this.name = name;
    }

    /** Returns the branch called {@code name}; branches share nothing but what {@link #forkedAt} gives them. */
    static TestChain branch(String name) {
        return new TestChain(name);
    }

    /** Returns block {@code number} of this branch, whose parent is block {@code number - 1} of this branch. */
    BlockRef block(long number) {
        return new BlockRef(number, hash(name, number), hash(name, number - 1));
    }

    /** Returns block {@code number} of a branch that left this one after block {@code forkNumber}. */
    BlockRef forkedAt(long forkNumber, String forkName, long number) {
        Hash parent = number - 1 == forkNumber ? hash(name, forkNumber) : hash(forkName, number - 1);
        return new BlockRef(number, hash(forkName, number), parent);
    }

    /** Returns a three-topic log with some data at {@code logIndex} of block {@code number}. */
    RawLog log(long number, int logIndex) {
        LogMeta meta = new LogMeta(
                Address.fromHex("0x00000000000000000000000000000000000000c0"),
                number,
                hash(name, number),
                Hash.keccak256("tx " + name + " " + number + " " + logIndex),
                logIndex / 2,
                logIndex);
        return new RawLog(
                List.of(
                        Hash.keccak256("Transfer(address,address,uint256)"),
                        Hash.keccak256("from"),
                        Hash.keccak256("to")),
                Bytes.fromHex("0x" + "00".repeat(31) + "2a"),
                meta);
    }

    /** Returns a log with no topics and no data (an anonymous event) at {@code logIndex} of block {@code number}. */
    RawLog anonymousLog(long number, int logIndex) {
        RawLog log = log(number, logIndex);
        return new RawLog(List.of(), Bytes.EMPTY, log.meta());
    }

    /** Returns a four-topic log with 100 bytes of data at {@code logIndex} of block {@code number}. */
    RawLog fullLog(long number, int logIndex) {
        RawLog log = log(number, logIndex);
        List<Hash> topics =
                List.of(Hash.keccak256("t0"), Hash.keccak256("t1"), Hash.keccak256("t2"), Hash.keccak256("t3"));
        return new RawLog(topics, Bytes.fromHex("0x" + "ab".repeat(100)), log.meta());
    }

    private static Hash hash(String branch, long number) {
        return Hash.keccak256(branch + "/" + number);
    }
}
