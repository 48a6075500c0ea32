package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcResponseException;
import java.io.IOException;

/**
 * Sorts the messages of a WebSocket connection: responses (by the id of the object, or of a batch's
 * first entry) and subscription notifications (by subscription id), and reads a notification's
 * result. A message arrives whole, so sorting is a quick first pass and reading a second one.
 */
final class WebSocketMessages {
  static final String NOTIFICATION_METHOD = "eth_subscription";

  private WebSocketMessages() {}

  /**
   * Where a message goes: a response with {@code id}, or a notification of {@code subscription};
   * neither is set for a message that is neither.
   */
  record Route(Long id, String subscription) {}

  static Route route(String text, RpcEndpoint endpoint) {
    try (JsonParser parser = Json.parser(text)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.START_OBJECT) {
        return routeObject(parser);
      }
      return token == JsonToken.START_OBJECT ? routeObject(parser) : new Route(null, null);
    } catch (JsonProcessingException e) {
      throw ResponseReader.malformedJson("WebSocket message", endpoint, e);
    } catch (IOException e) {
      throw new RpcResponseException("WebSocket message", endpoint, "", "unreadable message: " + e.getMessage(), e);
    }
  }

  private static Route routeObject(JsonParser parser) throws IOException {
    Long id = null;
    String method = null;
    String subscription = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("id") && value == JsonToken.VALUE_NUMBER_INT
          && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        id = parser.getLongValue();
      } else if (name.equals("method") && value == JsonToken.VALUE_STRING) {
        method = parser.getText();
      } else if (name.equals("params") && value == JsonToken.START_OBJECT) {
        subscription = subscriptionId(parser);
      } else {
        parser.skipChildren();
      }
    }
    return NOTIFICATION_METHOD.equals(method) ? new Route(null, subscription) : new Route(id, null);
  }

  private static String subscriptionId(JsonParser parser) throws IOException {
    String subscription = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("subscription") && value == JsonToken.VALUE_STRING) {
        subscription = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return subscription;
  }

  /** Reads {@code params.result} of a notification with {@code reader}. */
  static <T> T notificationResult(String text, RpcEndpoint endpoint, ResultReader<T> reader) {
    try (JsonParser parser = Json.parser(text)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("params") && value == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            parser.nextToken();
            if (member.equals("result")) {
              return reader.read(parser, "params.result");
            }
            parser.skipChildren();
          }
        } else {
          parser.skipChildren();
        }
      }
      throw new RpcResponseException(NOTIFICATION_METHOD, endpoint, "params", "notification without a result", null);
    } catch (MalformedResponse e) {
      throw new RpcResponseException(NOTIFICATION_METHOD, endpoint, e.path(), e.getMessage(), null);
    } catch (JsonProcessingException e) {
      throw ResponseReader.malformedJson(NOTIFICATION_METHOD, endpoint, e);
    } catch (IOException e) {
      throw new RpcResponseException(NOTIFICATION_METHOD, endpoint, "", "unreadable message: " + e.getMessage(), e);
    }
  }
}
