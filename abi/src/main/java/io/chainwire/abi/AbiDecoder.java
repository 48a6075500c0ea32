package io.chainwire.abi;

import io.chainwire.abi.internal.Hex;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Bounds-checked reads of ABI-encoded words from one log topic or from a log's data. Generated {@code decode} methods
 * call it in straight-line code; it is public for them, not meant to be called by hand.
 *
 * <p>Log data is hostile: any contract can emit any topic 0. Every read checks that its bytes are present, every
 * integer that its padding is clean and its value in range, every offset that it points forward and inside the data,
 * and every length that the remaining bytes can hold that many elements, before anything is allocated. A budget equal
 * to the data size caps the bytes read in total, so offsets that make several values share the same bytes cannot
 * multiply the work. Any violation is an {@link AbiDecodingException} naming the event, the field and the position.
 */
public final class AbiDecoder {
    private static final int WORD = 32;
    private static final byte[] ZEROS = new byte[WORD];
    private static final byte[] ONES = ones();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] source;
    private final String event;
    private final int topicIndex;
    private int budget;

    private AbiDecoder(byte[] source, String event, int topicIndex) {
        this.source = source;
        this.event = event;
        this.topicIndex = topicIndex;
        this.budget = source.length;
    }

    /** Returns a decoder over the data of {@code log}, for the event with signature {@code event}. */
    public static AbiDecoder data(RawLog log, String event) {
        return new AbiDecoder(log.data().bytes, event, -1);
    }

    /** Returns a decoder over topic {@code index} of {@code log}, which must exist. */
    public static AbiDecoder topic(RawLog log, int index, String event) {
        if (index >= log.topicCount()) {
            throw new AbiDecodingException(
                    event, null, "needs topic " + index + " but the log has " + log.topicCount() + " topics");
        }
        return new AbiDecoder(log.topic(index).bytes, event, index);
    }

    /**
     * Checks that {@code log} has exactly {@code topicCount} topics and, unless {@code topic0} is null (an anonymous
     * event), that topic 0 is {@code topic0}.
     */
    public static void checkTopics(RawLog log, Hash topic0, int topicCount, String event) {
        if (log.topicCount() != topicCount) {
            throw new AbiDecodingException(
                    event,
                    null,
                    "expects " + topicCount + " topics but the log has " + log.topicCount()
                            + " (a different indexed layout, or another event with the same signature)");
        }
        if (topic0 != null && !topic0.equals(log.topic(0))) {
            throw new AbiDecodingException(
                    event, null, "expects topic 0 " + topic0 + " but the log has " + log.topic(0));
        }
    }

    /** Returns true if {@code log} has exactly {@code topicCount} topics and topic 0 is {@code topic0}. */
    public static boolean matches(RawLog log, Hash topic0, int topicCount) {
        return log.topicCount() == topicCount && topic0.equals(log.topic(0));
    }

    /**
     * Returns the error a contract-level {@code decode} throws for a log it cannot route: one without topic 0, or whose
     * topic 0 is none of {@code contract}'s events. The exception's {@link AbiDecodingException#event()} is the
     * contract name.
     */
    public static AbiDecodingException unknownEvent(RawLog log, String contract) {
        String reason = log.topicCount() == 0
                ? "the log has no topics, so it is no event this contract can route (anonymous events are decoded by their own record)"
                : "topic 0 " + log.topic(0) + " is not the topic of any event of this contract";
        return new AbiDecodingException(contract, null, reason);
    }

    /**
     * Returns the error a contract-level {@code decode} throws when topic 0 names {@code event} but the log's topic
     * count fits none of the indexed layouts declared with that signature.
     *
     * @param expected the topic counts that would fit, as text, for example {@code "3 or 4"}
     */
    public static AbiDecodingException wrongTopicCount(RawLog log, String event, String expected) {
        return new AbiDecodingException(
                event, null, "expects " + expected + " topics but the log has " + log.topicCount());
    }

    /** Returns an unmodifiable list backed by {@code elements}, which the caller must not keep. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> list(Object[] elements) {
        return (List<T>) new ArrayView(elements);
    }

    /** Returns the number of bytes in the topic or data. */
    public int size() {
        return source.length;
    }

    /**
     * Reads an integer of at most 32 bits ({@code uint8..uint24}, {@code int8..int32}) from the word at {@code pos}.
     */
    public int readInt(int pos, int bits, boolean signed, String field) {
        return (int) readLong(pos, bits, signed, field);
    }

    /**
     * Reads an integer of at most 64 bits ({@code uint32..uint56}, {@code int40..int64}) from the word at {@code pos}.
     */
    public long readLong(int pos, int bits, boolean signed, String field) {
        word(pos, field);
        long value = longAt(pos + 24);
        boolean inRange = signed
                ? (value << (64 - bits)) >> (64 - bits) == value
                : value >= 0 && (bits == 64 || value >>> bits == 0);
        if (!inRange || !(value < 0 ? allOnes(pos, pos + 24) : allZero(pos, pos + 24))) {
            throw error(
                    field, pos, "value does not fit " + (signed ? "int" : "uint") + bits + " (dirty high-order bytes)");
        }
        return value;
    }

    /** Reads an integer wider than 64 bits, or {@code uint64}, from the word at {@code pos}. */
    public BigInteger readBigInteger(int pos, int bits, boolean signed, String field) {
        word(pos, field);
        long low = longAt(pos + 24);
        // Most amounts and ids fit a long, which every type read here can hold: skip the byte-array constructor.
        if (low >= 0 ? allZero(pos, pos + 24) : signed && allOnes(pos, pos + 24)) {
            return BigInteger.valueOf(low);
        }
        BigInteger value = signed ? new BigInteger(source, pos, WORD) : new BigInteger(1, source, pos, WORD);
        if (value.bitLength() > (signed ? bits - 1 : bits)) {
            throw error(
                    field, pos, "value does not fit " + (signed ? "int" : "uint") + bits + " (dirty high-order bytes)");
        }
        return value;
    }

    /** Reads a {@code bool}: the word must be exactly 0 or 1. */
    public boolean readBool(int pos, String field) {
        word(pos, field);
        byte last = source[pos + WORD - 1];
        if (!allZero(pos, pos + WORD - 1) || (last != 0 && last != 1)) {
            throw error(field, pos, "bool is neither 0 nor 1");
        }
        return last == 1;
    }

    /** Reads an {@code address}: 12 zero bytes, then 20 address bytes. */
    public Address readAddress(int pos, String field) {
        word(pos, field);
        if (!allZero(pos, pos + 12)) {
            throw error(field, pos, "address has non-zero high-order bytes");
        }
        return new Address(Arrays.copyOfRange(source, pos + 12, pos + WORD));
    }

    /** Reads a {@code bytesN} (or the 24-byte {@code function}): {@code size} bytes, then zero padding. */
    public Bytes readFixedBytes(int pos, int size, String field) {
        word(pos, field);
        if (!allZero(pos + size, pos + WORD)) {
            throw error(field, pos, "bytes" + size + " has non-zero padding");
        }
        return new Bytes(slice(pos, pos + size));
    }

    /** Reads a whole topic as the hash of an indexed reference value. */
    public <T> Indexed<T> readIndexed(int pos, String field) {
        word(pos, field);
        return Indexed.ofHash(new Hash(slice(pos, pos + WORD)));
    }

    /**
     * Reads the offset word at {@code pos}, relative to {@code base}, the start of the enclosing tuple or array whose
     * head is {@code headSize} bytes long, and returns the absolute position it points to. The target must lie after
     * that head and leave room for at least one word.
     */
    public int readOffset(int base, int pos, int headSize, String field) {
        word(pos, field);
        long offset = smallWord(pos, field, "offset");
        if (offset < headSize) {
            throw error(
                    field, pos, "offset " + hex(offset) + " points back into the head (" + hex(headSize) + " bytes)");
        }
        if (base + offset > source.length - WORD) {
            throw error(
                    field, pos, "offset " + hex(offset) + " from " + hex(base) + " points past the end of the data");
        }
        return (int) (base + offset);
    }

    /**
     * Reads the element count of a dynamic array at {@code pos} and checks that the bytes after it can hold that many
     * heads of {@code elementSize} bytes.
     */
    public int readLength(int pos, int elementSize, String field) {
        word(pos, field);
        long length = smallWord(pos, field, "length");
        long room = (source.length - pos - WORD) / elementSize;
        if (length > room) {
            throw error(
                    field,
                    pos,
                    "length " + hex(length) + " exceeds the " + room + " elements the remaining bytes can hold");
        }
        return (int) length;
    }

    /** Reads a dynamic {@code bytes} whose length word is at {@code pos}. */
    public Bytes readBytes(int pos, String field) {
        int length = payload(pos, field);
        return new Bytes(Arrays.copyOfRange(source, pos + WORD, pos + WORD + length));
    }

    /** Reads a {@code string} whose length word is at {@code pos}; invalid UTF-8 becomes U+FFFD. */
    public String readString(int pos, String field) {
        int length = payload(pos, field);
        return new String(source, pos + WORD, length, StandardCharsets.UTF_8);
    }

    private int payload(int pos, String field) {
        word(pos, field);
        long length = smallWord(pos, field, "length");
        long padded = (length + WORD - 1) / WORD * WORD;
        if (padded > source.length - pos - WORD) {
            throw error(
                    field,
                    pos,
                    "length " + hex(length) + " exceeds the " + (source.length - pos - WORD) + " remaining bytes");
        }
        charge((int) padded, field, pos);
        int end = pos + WORD + (int) length;
        if (!allZero(end, pos + WORD + (int) padded)) {
            throw error(field, pos, "non-zero padding after " + length + " bytes");
        }
        return (int) length;
    }

    /**
     * Returns the bytes from {@code from} to {@code to}: a copy, or the source itself when the range is all of it (a
     * {@code bytes32} or indexed topic). Sharing is safe because the arrays behind a log's topics and data belong to
     * immutable values and are never written after construction.
     */
    private byte[] slice(int from, int to) {
        return from == 0 && to == source.length ? source : Arrays.copyOfRange(source, from, to);
    }

    private long smallWord(int pos, String field, String what) {
        if (!allZero(pos, pos + 28) || source[pos + 28] < 0) {
            throw error(field, pos, what + " " + wordHex(pos) + " does not fit a 31-bit integer");
        }
        return ((source[pos + 28] & 0xffL) << 24)
                | ((source[pos + 29] & 0xffL) << 16)
                | ((source[pos + 30] & 0xffL) << 8)
                | (source[pos + 31] & 0xffL);
    }

    private void word(int pos, String field) {
        if (pos < 0 || pos > source.length - WORD) {
            throw error(
                    field,
                    pos,
                    "needs 32 bytes but the " + (topicIndex < 0 ? "data" : "topic") + " has " + source.length);
        }
        charge(WORD, field, pos);
    }

    private void charge(int bytes, String field, int pos) {
        budget -= bytes;
        if (budget < 0) {
            throw error(
                    field, pos, "offsets make values overlap: more bytes read than the " + source.length + " present");
        }
    }

    /** Returns whether the bytes from {@code from} to {@code to}, at most a word, are all zero. */
    private boolean allZero(int from, int to) {
        return Arrays.equals(source, from, to, ZEROS, 0, to - from);
    }

    /** Returns whether the bytes from {@code from} to {@code to}, at most a word, are all {@code 0xff}. */
    private boolean allOnes(int from, int to) {
        return Arrays.equals(source, from, to, ONES, 0, to - from);
    }

    /** Returns the 8 bytes at {@code pos} as a big-endian {@code long}. */
    private long longAt(int pos) {
        return (long) LONGS.get(source, pos);
    }

    private String wordHex(int pos) {
        return Hex.encode(source, pos, WORD);
    }

    private AbiDecodingException error(String field, int pos, String reason) {
        String where = topicIndex < 0 ? "data offset " + hex(pos) : "topic " + topicIndex;
        return new AbiDecodingException(event, field, reason + " at " + where);
    }

    private static byte[] ones() {
        byte[] ones = new byte[WORD];
        Arrays.fill(ones, (byte) 0xff);
        return ones;
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static final class ArrayView extends AbstractList<Object> implements RandomAccess {
        private final Object[] elements;

        ArrayView(Object[] elements) {
            this.elements = elements;
        }

        @Override
        public Object get(int index) {
            return elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }
    }
}
