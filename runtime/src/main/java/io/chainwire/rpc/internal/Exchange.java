package io.chainwire.rpc.internal;

import java.time.Duration;

/**
 * A transport's half of a call: sends an encoded request (one call or a batch) and reads the response to it. Failures
 * come out as the public {@code RpcException}s.
 */
public interface Exchange {
    /**
     * Sends {@code body} and returns its response as read by {@code reader}.
     *
     * @param label the method or batch, for messages
     * @param firstId the id of the request, or of the batch's first request
     * @param count how many requests {@code body} holds, with the ids that follow {@code firstId}
     * @param timeout how long the whole exchange may take
     */
    <R> R exchange(String label, long firstId, int count, byte[] body, Duration timeout, MessageReader<R> reader);
}
