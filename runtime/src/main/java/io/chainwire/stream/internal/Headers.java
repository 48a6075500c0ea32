package io.chainwire.stream.internal;

import io.chainwire.checkpoint.BlockRef;
import io.chainwire.rpc.BlockHeader;

/** Turns the node's block headers into the checkpoint's block references. */
final class Headers {
    private Headers() {}

    /** Returns the checkpoint's view of {@code header}: number, hash and parent hash. */
    static BlockRef ref(BlockHeader header) {
        return new BlockRef(header.number(), header.hash(), header.parentHash());
    }
}
