package io.chainwire.rpc;

import io.chainwire.rpc.internal.HttpTransport;
import java.util.List;

/**
 * A JSON-RPC client over HTTP(S): one POST per call or batch, the response parsed as it streams in.
 *
 * <pre>{@code
 * try (RpcClient node = HttpRpcClient.builder(RpcEndpoint.of("http://127.0.0.1:8545")).build()) {
 *   long head = node.blockNumber();
 * }
 * }</pre>
 */
public final class HttpRpcClient implements RpcClient {
    private final RpcEndpoint endpoint;
    private final HttpTransport transport;
    private final CallSender calls;

    private HttpRpcClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.transport = new HttpTransport(builder.http(), endpoint, builder.maxResponseBytes);
        this.calls = new CallSender(endpoint, builder.timeout, transport);
    }

    /**
     * Returns a builder for a client of {@code endpoint}.
     *
     * @throws IllegalArgumentException if the endpoint is not an http or https URL
     */
    public static Builder builder(RpcEndpoint endpoint) {
        if (endpoint.isWebSocket()) {
            throw new IllegalArgumentException("an HTTP client needs an http:// or https:// URL, got " + endpoint);
        }
        return new Builder(endpoint);
    }

    @Override
    public RpcEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public <T> T send(RpcRequest<T> request) {
        return calls.send(request);
    }

    @Override
    public <T> List<RpcResult<T>> batch(List<? extends RpcRequest<? extends T>> requests) {
        return calls.batch(requests);
    }

    /**
     * Closes the client: calls in flight on other threads fail at once with an {@link RpcTransportException} whose
     * failure is {@link RpcTransportException.Failure#CLOSED}, and later calls with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        calls.close();
        transport.close();
    }

    @Override
    public String toString() {
        return "HttpRpcClient[" + endpoint + "]";
    }

    /** Configures an {@link HttpRpcClient}; see the setters for the defaults. */
    public static final class Builder extends ClientBuilder<Builder> {
        private Builder(RpcEndpoint endpoint) {
            super(endpoint);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Returns the client. Nothing is sent until the first call. */
        public HttpRpcClient build() {
            return new HttpRpcClient(this);
        }
    }
}
