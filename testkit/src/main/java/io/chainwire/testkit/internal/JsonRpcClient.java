package io.chainwire.testkit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.testkit.AnvilException;
import io.chainwire.testkit.JsonRpcException;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Blocking JSON-RPC 2.0 calls over HTTP to one endpoint, returning each result's raw JSON text. */
public final class JsonRpcClient {
  // One client for all nodes: its selector thread is shared and daemon, so nothing leaks per node.
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final URI endpoint;
  private final Duration timeout;
  private final AtomicLong ids = new AtomicLong();

  /** Creates a client for {@code endpoint} whose calls each wait at most {@code timeout}. */
  public JsonRpcClient(URI endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  /**
   * Calls {@code method} and returns the JSON text of its result, for example {@code "0x1a"} with
   * the quotes, or {@code null}.
   *
   * @throws JsonRpcException if the node answers with an error
   * @throws AnvilException if the node cannot be reached, does not answer in time, or answers
   *     with something that is not a JSON-RPC response
   * @throws IllegalArgumentException if a parameter cannot be written as JSON
   */
  public String call(String method, Object... params) {
    long id = ids.incrementAndGet();
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(requestBody(id, method, params)))
        .build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new AnvilException(method + ": no answer from " + endpoint + " within " + timeout, e);
    } catch (IOException e) {
      throw new AnvilException(method + ": cannot reach " + endpoint + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnvilException(method + ": interrupted while waiting for " + endpoint, e);
    }
    if (response.statusCode() != 200) {
      throw new AnvilException(method + ": HTTP " + response.statusCode() + " from " + endpoint + ": " + abbreviate(response.body()));
    }
    try {
      return result(method, response.body());
    } catch (IllegalArgumentException e) {
      throw new AnvilException(method + ": not a JSON-RPC response from " + endpoint + ": " + e.getMessage(), e);
    }
  }

  /** Returns the endpoint this client calls. */
  public URI endpoint() {
    return endpoint;
  }

  private static String requestBody(long id, String method, Object[] params) {
    StringWriter body = new StringWriter();
    try (JsonGenerator generator = JsonText.FACTORY.createGenerator(body)) {
      generator.writeStartObject();
      generator.writeStringField("jsonrpc", "2.0");
      generator.writeNumberField("id", id);
      generator.writeStringField("method", method);
      generator.writeFieldName("params");
      generator.writeStartArray();
      for (int i = 0; i < params.length; i++) {
        JsonText.write(generator, params[i], method + " params[" + i + "]");
      }
      generator.writeEndArray();
      generator.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a StringWriter cannot fail", e);
    }
    return body.toString();
  }

  private static String result(String method, String body) {
    try (JsonParser parser = JsonText.FACTORY.createParser(body)) {
      JsonText.expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "response");
      String result = null;
      boolean hasResult = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("result")) {
          result = JsonText.copyValue(parser);
          hasResult = true;
        } else if (field.equals("error")) {
          throw error(method, parser);
        } else {
          parser.skipChildren();
        }
      }
      if (!hasResult) {
        throw new IllegalArgumentException("response has neither result nor error: " + abbreviate(body));
      }
      return result;
    } catch (IOException e) {
      throw JsonText.malformed("response", e);
    }
  }

  private static JsonRpcException error(String method, JsonParser parser) throws IOException {
    JsonText.expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "response.error");
    long code = 0;
    String message = null;
    String data = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "code" -> {
          JsonText.expect(parser, value, JsonToken.VALUE_NUMBER_INT, "response.error.code");
          code = parser.getLongValue();
        }
        case "message" -> message = value == JsonToken.VALUE_STRING ? parser.getText() : JsonText.copyValue(parser);
        case "data" -> data = JsonText.copyValue(parser);
        default -> parser.skipChildren();
      }
    }
    return new JsonRpcException(method, code, message, data);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }
}
