package io.chainwire.abi.internal;

/**
 * Keccak-256 as Ethereum uses it: the original Keccak padding ({@code 0x01}), not the FIPS-202 SHA3-256 padding
 * ({@code 0x06}).
 */
public final class Keccak256 {
    private static final int RATE_BYTES = 136;
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
    };
    private static final int[] ROTATIONS = {
        0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
    };

    private Keccak256() {}

    /** Returns the 32-byte Keccak-256 digest of {@code input}. */
    public static byte[] digest(byte[] input) {
        return digest(input, 0, input.length);
    }

    /** Returns the 32-byte Keccak-256 digest of a range of {@code input}. */
    public static byte[] digest(byte[] input, int offset, int length) {
        long[] state = new long[25];
        int end = offset + length;
        int position = offset;
        while (end - position >= RATE_BYTES) {
            absorb(state, input, position);
            permute(state);
            position += RATE_BYTES;
        }
        byte[] last = new byte[RATE_BYTES];
        System.arraycopy(input, position, last, 0, end - position);
        last[end - position] ^= 0x01;
        last[RATE_BYTES - 1] ^= (byte) 0x80;
        absorb(state, last, 0);
        permute(state);
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (state[i >>> 3] >>> (8 * (i & 7)));
        }
        return out;
    }

    private static void absorb(long[] state, byte[] block, int offset) {
        for (int lane = 0; lane < RATE_BYTES / 8; lane++) {
            long value = 0;
            for (int b = 7; b >= 0; b--) {
                value = (value << 8) | (block[offset + lane * 8 + b] & 0xffL);
            }
            state[lane] ^= value;
        }
    }

    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (long roundConstant : ROUND_CONSTANTS) {
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    int from = x + 5 * y;
                    int to = y + 5 * ((2 * x + 3 * y) % 5);
                    b[to] = Long.rotateLeft(a[from], ROTATIONS[from]);
                }
            }
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            a[0] ^= roundConstant;
        }
    }
}
