package io.chainwire.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.abi.internal.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Keccak256Test {
    @Test
    void hashesKnownVectors() {
        assertEquals(
                "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                Hash.keccak256(new byte[0]).toHex());
        assertEquals(
                "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
                Hash.keccak256("Transfer(address,address,uint256)").toHex());
    }

    @Test
    void agreesWithWeb3jAcrossBlockBoundaries() {
        SplittableRandom random = new SplittableRandom(42);
        for (int length = 0; length <= 3 * 136 + 1; length++) {
            byte[] input = new byte[length];
            for (int i = 0; i < length; i++) {
                input[i] = (byte) random.nextInt(256);
            }
            assertArrayEquals(org.web3j.crypto.Hash.sha3(input), Keccak256.digest(input), "length " + length);
        }
    }

    @Test
    void hashesARangeOfALargerArray() {
        byte[] text = "xxTransfer(address,address,uint256)yy".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(
                Hash.keccak256("Transfer(address,address,uint256)").toByteArray(),
                Keccak256.digest(text, 2, text.length - 4));
    }
}
