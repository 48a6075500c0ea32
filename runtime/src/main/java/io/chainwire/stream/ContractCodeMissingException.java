package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;

/**
 * An address the stream tracks has no contract code on the chain, and the stream was told to
 * {@linkplain EventStream.Builder#requireContractCode(boolean) require code}: most likely a wrong address or a wrong
 * chain. The message names the addresses, the chain and the block.
 */
public final class ContractCodeMissingException extends StreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param message the addresses without code, the chain id and the block
     */
    public ContractCodeMissingException(StreamId stream, String message) {
        super(stream, message, null);
    }
}
