package io.chainwire.rpc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The URL of a JSON-RPC node, with a display form safe for logs. Immutable.
 *
 * <p>Provider URLs carry credentials in every part: user info ({@code https://user:secret@host}), path segments of any
 * shape ({@code /v3/<key>}, {@code /key/eyJhbGciOi...}, {@code /<lower-case key>}), path parameters ({@code ;key=...}),
 * query values and fragments. So by default {@link #redacted()} keeps only the scheme, host and port and the query's
 * parameter names, and masks everything else as {@code ***}: {@code https://mainnet.infura.io/v3/<key>} shows as
 * {@code https://mainnet.infura.io/***}{@code /***}. {@link #withPathShown()} opts in to showing the path (path
 * parameter values stay masked) for URLs whose path holds no secret. Only {@link #uri()} returns the URL as given, for
 * opening connections.
 *
 * <p>Two endpoints of one provider redact alike. A {@linkplain #withLabel(String) label} names one for people
 * ({@code alchemy (https://eth-mainnet.g.alchemy.com/***}{@code /***)}), and {@link #displayName(int)} prefixes the
 * caller's index to tell apart endpoints that have no label.
 */
public final class RpcEndpoint {
    private static final String MASK = "***";
    private static final int MAX_LABEL_LENGTH = 64;
    // Secrets at least this long are masked in any text where they stand as a whole word; shorter ones
    // (such as "eth" or "v3") only where they stand in a URL, after one of URL_DELIMITERS.
    private static final int WORD_SECRET_LENGTH = 8;
    private static final String URL_DELIMITERS = "/;=?&#";

    private final URI uri;
    private final String label;
    private final boolean pathShown;
    private final String redacted;
    private final List<String> urlForms;
    private final List<String> secrets;

    private RpcEndpoint(URI uri, String label, boolean pathShown) {
        this.uri = uri;
        this.label = label;
        this.pathShown = pathShown;
        List<String> parts = new ArrayList<>();
        this.redacted = mask(uri, pathShown, parts);
        parts.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(parts);
        this.urlForms = urlForms(uri);
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
     * @throws IllegalArgumentException if it has another scheme or no host; the message never repeats the URI
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
        return new RpcEndpoint(uri, null, false);
    }

    /**
     * Returns this endpoint with its path shown in {@link #redacted()} and in messages: for URLs whose path is no
     * secret, such as {@code http://node.internal:8545/rpc}. User info, path parameter values ({@code ;key=...}), query
     * values and the fragment stay masked.
     */
    public RpcEndpoint withPathShown() {
        return new RpcEndpoint(uri, label, true);
    }

    /**
     * Returns this endpoint with a label that names it for people, in front of its redacted URL in {@link #toString()}
     * and in messages: {@code alchemy (https://eth-mainnet.g.alchemy.com/***}{@code /***)}.
     *
     * @param label a short name, such as {@code "alchemy"} or {@code "primary"}: 1 to 64 characters, none of them a
     *     control character
     * @throws IllegalArgumentException if {@code label} is blank, too long or holds a control character
     */
    public RpcEndpoint withLabel(String label) {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()
                || label.length() > MAX_LABEL_LENGTH
                || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("label must be 1 to " + MAX_LABEL_LENGTH + " printable characters, got "
                    + label.length() + " characters");
        }
        return new RpcEndpoint(uri, label, pathShown);
    }

    /** Returns the URL as given, credentials included: for opening connections, never for display. */
    public URI uri() {
        return uri;
    }

    /** Returns true for {@code ws://} and {@code wss://} URLs. */
    public boolean isWebSocket() {
        return uri.getScheme().toLowerCase(Locale.ROOT).startsWith("ws");
    }

    /** Returns the label given with {@link #withLabel(String)}, if any. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /**
     * Returns the URL with user info, path segments (unless {@linkplain #withPathShown() shown}), path parameter
     * values, query values and the fragment masked.
     */
    public String redacted() {
        return redacted;
    }

    /** Returns the label and the redacted URL ({@code alchemy (https://...)}), or the redacted URL alone. */
    public String displayName() {
        return label == null ? redacted : label + " (" + redacted + ")";
    }

    /**
     * Returns {@link #displayName()} after {@code #index}, as {@code #2 https://mainnet.infura.io/***}{@code /***}: for
     * a caller with several endpoints to name each one distinctly, by its position in its own list, even when their
     * redacted URLs are alike.
     *
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public String displayName(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, got " + index);
        }
        return "#" + index + " " + displayName();
    }

    /**
     * Returns {@code text} with this endpoint's URL and its secret parts masked; for messages that come from elsewhere,
     * such as a JDK exception or a node's error body. The rule, which masks what a URL leaks without mangling other
     * words:
     *
     * <ol>
     *   <li>the whole URL, in its raw and percent-decoded forms, with and without user info, becomes
     *       {@link #redacted()};
     *   <li>then each secret part (user info, user, password, path segment, path parameter value, query value,
     *       fragment; raw and decoded) is masked where it stands as a whole word, never inside a longer one: a part of
     *       8 characters or more wherever no letter, digit or underscore touches it; a shorter part only where it
     *       follows a URL delimiter ({@code / ; = ? & #}) and no URL character follows it. So a path segment
     *       {@code eth} masks {@code /eth/} but leaves {@code eth_getLogs} and "on eth mainnet" as they are.
     * </ol>
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String form : urlForms) {
            out = out.replace(form, redacted);
        }
        for (String secret : secrets) {
            out = maskWords(out, secret);
        }
        return out;
    }

    /**
     * Returns true if {@code text} contains this endpoint's URL or a secret part of it, as {@link #redact} finds them.
     */
    public boolean leaksInto(String text) {
        return text != null && !redact(text).equals(text);
    }

    /** Returns {@link #displayName()}. */
    @Override
    public String toString() {
        return displayName();
    }

    /** Endpoints are equal if their URLs, labels and path display are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RpcEndpoint that
                && uri.equals(that.uri)
                && Objects.equals(label, that.label)
                && pathShown == that.pathShown;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, label, pathShown);
    }

    private static String mask(URI uri, boolean pathShown, List<String> secrets) {
        StringBuilder display = new StringBuilder(uri.getScheme().toLowerCase(Locale.ROOT)).append("://");
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            display.append(MASK).append('@');
            addSecret(secrets, userInfo);
            for (String part : userInfo.split(":", 2)) {
                addSecret(secrets, part);
            }
        }
        display.append(uri.getHost());
        if (uri.getPort() >= 0) {
            display.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            display.append('/').append(maskSegment(segments[i], pathShown, secrets));
        }
        if (uri.getRawQuery() != null) {
            display.append('?').append(maskParameters(uri.getRawQuery(), '&', secrets));
        }
        if (uri.getRawFragment() != null) {
            display.append('#').append(MASK);
            addSecret(secrets, uri.getRawFragment());
        }
        return display.toString();
    }

    private static String maskSegment(String segment, boolean pathShown, List<String> secrets) {
        if (segment.isEmpty()) {
            return segment;
        }
        int semicolon = segment.indexOf(';');
        String name = semicolon < 0 ? segment : segment.substring(0, semicolon);
        String parameters = semicolon < 0 ? null : maskParameters(segment.substring(semicolon + 1), ';', secrets);
        if (!pathShown) {
            addSecret(secrets, segment);
            addSecret(secrets, name);
            return MASK;
        }
        return parameters == null ? name : name + ";" + parameters;
    }

    /** Masks the values of {@code name=value} parameters and whole parameters without a value. */
    private static String maskParameters(String parameters, char separator, List<String> secrets) {
        StringBuilder out = new StringBuilder();
        for (String parameter : parameters.split(String.valueOf(separator), -1)) {
            if (out.length() > 0) {
                out.append(separator);
            }
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                out.append(parameter.isEmpty() ? "" : MASK);
                addSecret(secrets, parameter);
            } else {
                out.append(parameter, 0, equals + 1).append(MASK);
                addSecret(secrets, parameter.substring(equals + 1));
            }
        }
        addSecret(secrets, parameters);
        return out.toString();
    }

    private static void addSecret(List<String> secrets, String raw) {
        for (String form : List.of(raw, decode(raw))) {
            if (!form.isEmpty() && !secrets.contains(form)) {
                secrets.add(form);
            }
        }
    }

    private static List<String> urlForms(URI uri) {
        String raw = uri.toString();
        List<String> forms = new ArrayList<>(List.of(raw, decode(raw)));
        if (uri.getRawUserInfo() != null) {
            String withoutUser = raw.replace(uri.getRawUserInfo() + "@", "");
            forms.add(withoutUser);
            forms.add(decode(withoutUser));
        }
        return forms.stream()
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Decodes percent escapes (not {@code +}, which only forms mean as a space). */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not valid percent-encoding: the raw form is the only one a message can contain.
            return raw;
        }
    }

    private static String maskWords(String text, String secret) {
        StringBuilder out = null;
        int copied = 0;
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            int end = at + secret.length();
            if (at >= copied && standsAlone(text, at, end, secret.length() >= WORD_SECRET_LENGTH)) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, at).append(MASK);
                copied = end;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean standsAlone(String text, int start, int end, boolean longSecret) {
        char before = start == 0 ? ' ' : text.charAt(start - 1);
        char after = end == text.length() ? ' ' : text.charAt(end);
        if (longSecret) {
            return !isWordChar(before) && !isWordChar(after);
        }
        return URL_DELIMITERS.indexOf(before) >= 0 && !isUrlChar(after);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    // The unreserved characters of RFC 3986, and the percent of an escape: what continues a URL part.
    private static boolean isUrlChar(char c) {
        return isWordChar(c) || c == '-' || c == '.' || c == '~' || c == '%' || c == '+';
    }
}
