package io.chainwire.testkit;

/** The node answered a JSON-RPC call with an error object; the message holds the method, code and text. */
public final class JsonRpcException extends AnvilException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final long code;

  /** Creates an exception for the error that {@code method} returned. */
  public JsonRpcException(String method, long code, String message, String data) {
    super(method + " failed with JSON-RPC error " + code + ": " + message + (data == null ? "" : " (data: " + data + ")"));
    this.method = method;
    this.code = code;
  }

  /** Returns the JSON-RPC method that failed, for example {@code eth_sendTransaction}. */
  public String method() {
    return method;
  }

  /** Returns the JSON-RPC error code, for example {@code -32602} for invalid params. */
  public long code() {
    return code;
  }
}
