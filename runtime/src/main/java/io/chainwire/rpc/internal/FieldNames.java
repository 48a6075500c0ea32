package io.chainwire.rpc.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The known fields of one kind of JSON object, numbered in order, with the bookkeeping a strict reader needs: which
 * were seen (a bit set kept by the caller, so reading allocates nothing), none twice, all required ones present.
 */
final class FieldNames {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String[] names;
    private final byte[][] utf8;
    // Each name's first eight bytes (fewer, zero-filled, for a shorter name) and last eight, as longs.
    private final long[] heads;
    private final long[] tails;

    FieldNames(String... names) {
        this.names = names.clone();
        this.utf8 = new byte[names.length][];
        this.heads = new long[names.length];
        this.tails = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            utf8[i] = names[i].getBytes(StandardCharsets.UTF_8);
            byte[] padded = Arrays.copyOf(utf8[i], Math.max(8, utf8[i].length));
            heads[i] = (long) LONGS.get(padded, 0);
            tails[i] = (long) LONGS.get(padded, padded.length - 8);
        }
    }

    /**
     * Returns the path of member {@code name} under {@code path}; either may be empty (the top level, the value at
     * {@code path} itself).
     */
    static String child(String path, String name) {
        return path.isEmpty() ? name : name.isEmpty() ? path : path + "." + name;
    }

    /**
     * Advances to the value of the next known field of the current object, skipping unknown fields; returns that
     * field's number, or -1 at the end of the object.
     */
    int next(JsonReader reader) throws IOException {
        int number;
        while ((number = reader.nextMember(this)) != JsonReader.END_OF_OBJECT) {
            if (number >= 0) {
                return number;
            }
            reader.skipValue();
        }
        return -1;
    }

    /** Returns the number of the field whose UTF-8 name is {@code bytes[from..from + length)}, or -1. */
    int number(byte[] bytes, int from, int length) {
        if (length <= 16 && from + 8 <= bytes.length) {
            // A name of up to 16 bytes is its first eight bytes and its last eight, which may overlap.
            long head = (long) LONGS.get(bytes, from);
            if (length < 8) {
                head &= (1L << (8 * length)) - 1;
            }
            long tail = length > 8 ? (long) LONGS.get(bytes, from + length - 8) : head;
            for (int i = 0; i < utf8.length; i++) {
                if (heads[i] == head && tails[i] == tail && utf8[i].length == length) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < utf8.length; i++) {
            byte[] name = utf8[i];
            if (name.length == length && Arrays.equals(name, 0, length, bytes, from, from + length)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the JSON name of field {@code field}. */
    String name(int field) {
        return names[field];
    }

    /** Returns the set of every field. */
    int all() {
        return (1 << names.length) - 1;
    }

    /** Returns the set of every field but {@code optional}. */
    int allBut(int optional) {
        return all() & ~(1 << optional);
    }

    /**
     * Returns {@code seen} with {@code field} added.
     *
     * @throws MalformedResponse if it was seen already
     */
    int mark(int seen, int field, JsonReader reader, String path) {
        if ((seen & (1 << field)) != 0) {
            throw MalformedResponse.at(reader, child(path, names[field]), "field given twice");
        }
        return seen | (1 << field);
    }

    /**
     * Checks that {@code seen} holds every field in {@code required}.
     *
     * @throws MalformedResponse naming the missing fields
     */
    void requireAll(int seen, int required, JsonReader reader, String path, String what) {
        if ((seen & required) == required) {
            return;
        }
        StringJoiner missing = new StringJoiner(", ");
        for (int i = 0; i < names.length; i++) {
            if ((required & (1 << i)) != 0 && (seen & (1 << i)) == 0) {
                missing.add(names[i]);
            }
        }
        throw MalformedResponse.at(reader, path, what + " without " + missing);
    }
}
