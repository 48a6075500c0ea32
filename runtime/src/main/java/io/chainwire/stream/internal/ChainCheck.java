package io.chainwire.stream.internal;

import io.chainwire.checkpoint.StreamId;
import java.util.OptionalLong;
import org.slf4j.Logger;

/**
 * Keeps a stream on one chain: every endpoint's {@code eth_chainId} is read before its first use and compared with the
 * stream's chain (configured, recorded in the checkpoint, or else the first endpoint's to answer); an endpoint on
 * another chain is refused for good, with an error naming it and both chain ids. Thread-safe.
 */
final class ChainCheck {
    private static final Logger LOG = StreamLoggers.NODES;

    private final StreamId stream;
    private long expected;
    private String source;

    ChainCheck(StreamId stream, OptionalLong configured) {
        this.stream = stream;
        this.expected = configured.orElse(-1);
        this.source = configured.isPresent() ? "the configured chainId" : null;
    }

    /** Returns the stream's chain id, if known yet. */
    synchronized OptionalLong expected() {
        return expected < 0 ? OptionalLong.empty() : OptionalLong.of(expected);
    }

    /**
     * Sets the stream's chain from its checkpoint, if the configuration did not.
     *
     * @throws WrongChain if the configured chain is another
     */
    synchronized void recorded(long chainId) {
        if (expected < 0) {
            expected = chainId;
            source = "its checkpoint";
        } else if (expected != chainId) {
            throw new WrongChain("stream '" + stream + "' is configured for chain " + expected
                    + ", but its checkpoint was written on chain " + chainId
                    + "; give it another id, or the chainId it ran on");
        }
    }

    /**
     * Probes {@code endpoint} unless it passed already, and refuses it for good if it serves another chain; the first
     * endpoint to answer sets the chain if nothing else did.
     *
     * @throws WrongChain if the endpoint serves another chain
     * @throws io.chainwire.rpc.RpcException if the probe fails
     */
    void verify(Endpoint endpoint) {
        if (endpoint.lastProbe().isPresent()) {
            return;
        }
        long served = endpoint.probe().chainId();
        synchronized (this) {
            if (expected < 0) {
                expected = served;
                source = endpoint + ", the first endpoint to answer";
                LOG.info(
                        "stream '{}': following chain {} as {} serves it; set chainId({}) to require it",
                        stream,
                        served,
                        endpoint,
                        served);
                return;
            }
            if (served == expected) {
                return;
            }
            String reason = endpoint + " serves chain " + served + ", but stream '" + stream + "' follows chain "
                    + expected + " (from " + source + ")";
            endpoint.refuse(reason);
            throw new WrongChain(reason);
        }
    }

    /** An endpoint, or the checkpoint, is on another chain than the stream. */
    static final class WrongChain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongChain(String message) {
            super(message, null, false, false);
        }
    }
}
