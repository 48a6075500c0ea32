package io.chainwire.stream.internal;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.RpcErrorException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Fetches the logs of one block the stream follows live, by its hash, so that the answer cannot be of another branch;
 * checks them against the question and against the block's bloom. When the bloom says the block may hold a matching log
 * but the node returned none, the block is asked for again, of another endpoint if there is one, and by number this
 * time (a node whose index by hash is broken answers a range correctly); a second answer that agrees is taken
 * ({@link Suspicion}), since blooms have false positives.
 */
final class BlockFetch implements NodeCaller.Attempt<List<RawLog>> {
    private final StreamId stream;
    private final AnswerChecks checks;
    private final BloomCheck blooms;
    private final BlockHeader header;
    private final Suspicion suspicion;

    BlockFetch(StreamId stream, AnswerChecks checks, BloomCheck blooms, BlockHeader header, BooleanSupplier alone) {
        this.stream = stream;
        this.checks = checks;
        this.blooms = blooms;
        this.header = header;
        this.suspicion = new Suspicion(alone);
    }

    /** Describes the request for messages. */
    String describe() {
        return "eth_getLogs of block " + header.number() + " (" + header.hash() + ")";
    }

    /** @throws ChainMoved if the block left the chain meanwhile */
    @Override
    public List<RawLog> run(Endpoint endpoint) {
        List<RawLog> logs;
        String block = "block " + header.number() + " (" + header.hash() + ")";
        try {
            logs = BlockLogQuery.fetch(
                    stream,
                    endpoint,
                    suspicion.raised()
                            ? checks.filter().withRange(header.number(), header.number())
                            : checks.filter().withBlockHash(header.hash()),
                    block);
        } catch (RpcErrorException e) {
            requireStillOnChain(endpoint);
            throw e;
        }
        List<RawLog> checked;
        try {
            checked = checks.block(endpoint, header, logs);
        } catch (FaultyAnswer e) {
            // Asked by number, the node answers for the block at that number now, which may be another one.
            if (suspicion.raised()) {
                requireStillOnChain(endpoint);
            }
            throw e;
        }
        try {
            blooms.check(endpoint, describe(), header, checked);
        } catch (SuspectAnswer e) {
            if (!suspicion.settledBy(endpoint)) {
                throw e;
            }
        }
        return checked;
    }

    /** @throws ChainMoved if the node has no block at the header's number, or another one */
    private void requireStillOnChain(Endpoint endpoint) {
        Optional<BlockHeader> now = endpoint.request(client -> client.getBlockByNumber(header.number()));
        if (now.isEmpty() || !now.get().hash().equals(header.hash())) {
            throw new ChainMoved();
        }
    }
}
