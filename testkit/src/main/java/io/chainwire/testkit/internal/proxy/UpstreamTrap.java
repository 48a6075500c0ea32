package io.chainwire.testkit.internal.proxy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-shot trap on what the upstream sends: armed with some bytes, it springs on the first connection whose upstream
 * sends them, which the proxy then drops before those bytes reach the client. A byte stream is checked as it is read,
 * so a marker split across two reads is found where it ends; bytes already passed on before that stay passed.
 */
final class UpstreamTrap {
    /** The longest marker: the bytes of a stream kept from one read to the next are one fewer. */
    static final int MAX_MARKER_BYTES = 1024;

    private final AtomicReference<byte[]> marker = new AtomicReference<>();
    private final AtomicLong sprung = new AtomicLong();

    /** Arms the trap with {@code marker}, replacing any marker it still holds. */
    void arm(byte[] marker) {
        this.marker.set(marker.clone());
    }

    /** Returns how many times the trap sprang. */
    long sprung() {
        return sprung.get();
    }

    /** Returns true, and disarms the trap, if it holds a marker that {@code message} contains. */
    boolean springs(byte[] message) {
        return springs(message, 0, message.length);
    }

    /**
     * Returns true, and disarms the trap, if it holds a marker that {@code bytes[0, end)} contains ending at or after
     * {@code fresh}: the bytes before {@code fresh} were seen by an earlier call and are kept only to find a marker
     * that begins in them.
     */
    boolean springs(byte[] bytes, int fresh, int end) {
        byte[] armed = marker.get();
        if (armed == null || !contains(bytes, fresh, end, armed) || !marker.compareAndSet(armed, null)) {
            return false;
        }
        sprung.incrementAndGet();
        return true;
    }

    private static boolean contains(byte[] bytes, int fresh, int end, byte[] marker) {
        outer:
        for (int start = Math.max(0, fresh - marker.length + 1); start + marker.length <= end; start++) {
            for (int i = 0; i < marker.length; i++) {
                if (bytes[start + i] != marker[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
