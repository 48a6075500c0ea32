package io.chainwire.rpc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The URL of a JSON-RPC node, with a display form safe for logs.
 *
 * <p>Provider URLs carry credentials: user info ({@code https://user:secret@host}), API keys as path
 * segments ({@code /v3/<key>}, {@code /v2/<key>}) and tokens in the query. {@link #toString()} and
 * {@link #redacted()} mask each of them as {@code ***}, and every message chainwire builds uses that
 * form. Only {@link #uri()} returns the URL as given, for opening connections.
 */
public final class RpcEndpoint {
  private static final String MASK = "***";
  // Long runs of key characters, with a digit or an upper-case letter: API keys and tokens, but
  // not words such as "ethereum-mainnet".
  private static final Pattern KEY_LIKE = Pattern.compile("(?=.*[0-9A-Z])[A-Za-z0-9_-]{16,}");
  // Shorter secrets would mask ordinary text (status codes, words) in messages.
  private static final int MIN_SECRET_LENGTH = 4;

  private final URI uri;
  private final String redacted;
  private final List<String> secrets;

  private RpcEndpoint(URI uri, String redacted, List<String> secrets) {
    this.uri = uri;
    this.redacted = redacted;
    this.secrets = secrets;
  }

  /**
   * Parses an {@code http}, {@code https}, {@code ws} or {@code wss} URL.
   *
   * @throws IllegalArgumentException if the text is not such a URL; the message never repeats it
   */
  public static RpcEndpoint of(String url) {
    try {
      return of(new URI(url));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "the RPC URL is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
    }
  }

  /**
   * Wraps an {@code http}, {@code https}, {@code ws} or {@code wss} URI.
   *
   * @throws IllegalArgumentException if it has another scheme or no host; the message never
   *     repeats the URI
   */
  public static RpcEndpoint of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!List.of("http", "https", "ws", "wss").contains(scheme)) {
      throw new IllegalArgumentException(
          "the RPC URL must start with http://, https://, ws:// or wss://, got scheme \"" + scheme + "\"");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the RPC URL has no host name");
    }
    List<String> secrets = new ArrayList<>();
    StringBuilder display = new StringBuilder(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      display.append(MASK).append('@');
      addSecret(secrets, uri.getRawUserInfo());
    }
    display.append(uri.getHost());
    if (uri.getPort() >= 0) {
      display.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      display.append('/');
      if (KEY_LIKE.matcher(segments[i]).matches()) {
        display.append(MASK);
        addSecret(secrets, segments[i]);
      } else {
        display.append(segments[i]);
      }
    }
    if (uri.getRawQuery() != null) {
      display.append('?').append(maskQuery(uri.getRawQuery(), secrets));
    }
    if (uri.getRawFragment() != null) {
      display.append('#').append(MASK);
      addSecret(secrets, uri.getRawFragment());
    }
    secrets.add(0, uri.toString());
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new RpcEndpoint(uri, display.toString(), List.copyOf(secrets));
  }

  private static String maskQuery(String query, List<String> secrets) {
    StringBuilder out = new StringBuilder();
    for (String parameter : query.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int equals = parameter.indexOf('=');
      if (equals < 0) {
        out.append(MASK);
        addSecret(secrets, parameter);
      } else {
        out.append(parameter, 0, equals + 1).append(MASK);
        addSecret(secrets, parameter.substring(equals + 1));
      }
    }
    addSecret(secrets, query);
    return out.toString();
  }

  private static void addSecret(List<String> secrets, String raw) {
    for (String form : List.of(raw, decode(raw))) {
      if (form.length() >= MIN_SECRET_LENGTH && !secrets.contains(form)) {
        secrets.add(form);
      }
    }
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // Not valid percent-encoding: the raw form is the only one a message can contain.
      return raw;
    }
  }

  /** Returns the URL as given, credentials included: for opening connections, never for display. */
  public URI uri() {
    return uri;
  }

  /** Returns true for {@code ws://} and {@code wss://} URLs. */
  public boolean isWebSocket() {
    return uri.getScheme().toLowerCase(Locale.ROOT).startsWith("ws");
  }

  /** Returns the URL with user info, key-like path segments, query values and fragment masked. */
  public String redacted() {
    return redacted;
  }

  /**
   * Returns {@code text} with every secret part of this URL (and the whole URL) replaced by its
   * masked form; for messages that come from elsewhere, such as a JDK exception.
   */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, secret.equals(uri.toString()) ? redacted : MASK);
      }
    }
    return out;
  }

  /** Returns true if {@code text} contains any secret part of this URL. */
  public boolean leaksInto(String text) {
    return text != null && !redact(text).equals(text);
  }

  /** Returns the redacted URL. */
  @Override
  public String toString() {
    return redacted;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RpcEndpoint that && uri.equals(that.uri);
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }
}
