package io.chainwire.maven.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest over a sequence of values. Each value is length-prefixed, so {@code ("ab", "c")} and {@code ("a",
 * "bc")} give different fingerprints.
 */
public final class Fingerprint {
    private final MessageDigest digest;

    /** Starts an empty fingerprint. */
    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Adds a text value (as UTF-8). */
    public Fingerprint add(String value) {
        return add(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a binary value. */
    public Fingerprint add(byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        digest.update(value);
        return this;
    }

    /** Returns the digest of everything added, as 64 lowercase hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
