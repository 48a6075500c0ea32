package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BloomTest {
    private static final Address TOKEN = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    private static final Hash TRANSFER = Hash.keccak256("Transfer(address,address,uint256)");

    @Test
    void matchesWeb3jsBloomOfTheSameItems() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            org.web3j.utils.Bloom theirs = new org.web3j.utils.Bloom();
            Bloom.Builder ours = Bloom.builder();
            for (int item = 0; item < 1 + random.nextInt(40); item++) {
                byte[] bytes = new byte[random.nextBoolean() ? Address.SIZE : Hash.SIZE];
                random.nextBytes(bytes);
                theirs.add(bytes);
                if (bytes.length == Address.SIZE) {
                    ours.add(Address.of(bytes));
                } else {
                    ours.add(Hash.of(bytes));
                }
            }
            assertArrayEquals(theirs.getBytes(), ours.build().toByteArray(), "round " + round);
        }
    }

    @Test
    void containsTheAddressAndEveryTopicOfItsLogs() {
        Hash from = Hash.fromHex("0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        Bloom bloom = Bloom.of(List.of(log(TOKEN, TRANSFER, from)));

        assertTrue(bloom.mightContain(TOKEN));
        assertTrue(bloom.mightContain(TRANSFER));
        assertTrue(bloom.mightContain(from));
        assertFalse(bloom.mightContain(Address.ZERO));
        assertFalse(bloom.mightContain(Hash.keccak256("Approval(address,address,uint256)")));
    }

    @Test
    void theBloomOfNoLogsIsEmptyAndContainsNothing() {
        assertEquals(Bloom.EMPTY, Bloom.of(List.of()));
        assertEquals("0x" + "0".repeat(512), Bloom.EMPTY.toString());
        assertFalse(Bloom.EMPTY.mightContain(TOKEN));
        assertFalse(Bloom.EMPTY.mightContain(TRANSFER));
    }

    @Test
    void isAnImmutableValueWithHexForm() {
        byte[] bytes = Bloom.builder().add(TOKEN).build().toByteArray();
        Bloom bloom = Bloom.of(bytes);
        bytes[0] ^= 1;
        bloom.toByteArray()[1] ^= 1;

        assertEquals(Bloom.builder().add(TOKEN).build(), bloom);
        assertEquals(bloom.hashCode(), Bloom.fromHex(bloom.toHex()).hashCode());
        assertEquals(bloom, Bloom.fromHex(bloom.toString()));
        assertNotEquals(bloom, Bloom.EMPTY);
        assertEquals(514, bloom.toHex().length());
    }

    @Test
    void aBuilderKeepsAddingAfterBuilding() {
        Bloom.Builder builder = Bloom.builder().add(TOKEN);
        Bloom first = builder.build();
        Bloom second = builder.add(TRANSFER).build();

        assertFalse(first.mightContain(TRANSFER));
        assertTrue(second.mightContain(TRANSFER) && second.mightContain(TOKEN));
    }

    @Test
    void rejectsAnythingButTwoHundredFiftySixBytes() {
        IllegalArgumentException shortHex = assertThrows(IllegalArgumentException.class, () -> Bloom.fromHex("0x00"));
        IllegalArgumentException longArray =
                assertThrows(IllegalArgumentException.class, () -> Bloom.of(new byte[257]));

        assertEquals("a logs bloom has 256 bytes (512 hex digits), got 1", shortHex.getMessage());
        assertEquals("a logs bloom has 256 bytes (512 hex digits), got 257", longArray.getMessage());
    }

    private static RawLog log(Address address, Hash... topics) {
        Hash block = Hash.fromHex("0x" + "11".repeat(32));
        Hash transaction = Hash.fromHex("0x" + "22".repeat(32));
        return new RawLog(
                new ArrayList<>(List.of(topics)), Bytes.EMPTY, new LogMeta(address, 1, block, transaction, 0, 0));
    }
}
