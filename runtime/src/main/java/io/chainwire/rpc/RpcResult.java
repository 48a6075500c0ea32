package io.chainwire.rpc;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one request of a batch: its result, or the exception that a single call would have thrown (an
 * {@link RpcErrorException} for an error object, an {@link RpcResponseException} when the batch response had no entry
 * for it).
 *
 * @param <T> the result type
 */
public final class RpcResult<T> {
    private final T value;
    private final RpcException error;

    private RpcResult(T value, RpcException error) {
        this.value = value;
        this.error = error;
    }

    /** Returns a successful outcome. */
    public static <T> RpcResult<T> success(T value) {
        return new RpcResult<>(value, null);
    }

    /** Returns a failed outcome. */
    public static <T> RpcResult<T> failure(RpcException error) {
        return new RpcResult<>(null, Objects.requireNonNull(error, "error"));
    }

    /** Returns true if the request succeeded. */
    public boolean isSuccess() {
        return error == null;
    }

    /**
     * Returns the result.
     *
     * @throws RpcException the request's failure, if it failed
     */
    public T get() {
        if (error != null) {
            throw error;
        }
        return value;
    }

    /** Returns the failure, if the request failed. */
    public Optional<RpcException> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return error == null ? "RpcResult[" + value + "]" : "RpcResult[" + error.getMessage() + "]";
    }
}
