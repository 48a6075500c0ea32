package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;

/**
 * A response that parsed as JSON but does not hold what it should. Thrown by the readers, which
 * know the field; turned into a public {@code RpcResponseException} by {@link ResponseReader}, which
 * knows the method and endpoint.
 */
final class MalformedResponse extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  private MalformedResponse(String path, String problem) {
    super(problem, null, false, false);
    this.path = path;
  }

  /** A problem at the parser's current token, where the caller does not know the path yet. */
  static MalformedResponse at(JsonParser parser, String problem) {
    return new MalformedResponse("", problem + location(parser));
  }

  /** A problem at the parser's current token, at {@code path}. */
  static MalformedResponse at(JsonParser parser, String path, String problem) {
    return new MalformedResponse(path, problem + location(parser));
  }

  private static String location(JsonParser parser) {
    JsonLocation location = parser.currentTokenLocation();
    long offset = location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
    return offset >= 0 ? " (offset " + offset + ")" : "";
  }

  /** Returns this problem placed at {@code path}, unless it already has a path. */
  MalformedResponse under(String path) {
    return this.path.isEmpty() ? new MalformedResponse(path, getMessage()) : this;
  }

  String path() {
    return path;
  }
}
