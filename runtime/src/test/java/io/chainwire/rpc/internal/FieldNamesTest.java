package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldNamesTest {
    private static final FieldNames NAMES = new FieldNames(
            "",
            "id",
            "logIndex",
            "blockHash",
            "blockNumber",
            "transactionHash",
            "transactionIndex",
            "aFieldNameLongerThanSixteen");

    private static int number(String name, String before, String after) {
        byte[] bytes = (before + name + after).getBytes(StandardCharsets.UTF_8);
        return NAMES.number(bytes, before.length(), name.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void findsEachNameWhereverItSitsInTheBuffer() {
        String[] names = {
            "",
            "id",
            "logIndex",
            "blockHash",
            "blockNumber",
            "transactionHash",
            "transactionIndex",
            "aFieldNameLongerThanSixteen"
        };
        for (int i = 0; i < names.length; i++) {
            // Followed by more bytes, as in a buffer; at the very end; after other bytes.
            assertEquals(i, number(names[i], "", "\":\"0x1\"}"), names[i]);
            assertEquals(i, number(names[i], "", ""), names[i]);
            assertEquals(i, number(names[i], "{\"x\":1,\"", ""), names[i]);
        }
    }

    @Test
    void findsNoNameThatDiffersInOneByteOrInLength() {
        for (String other : new String[] {
            "i",
            "ids",
            "Id",
            "logIndeX",
            "logIndex_",
            "blockHasH",
            "bLockHash",
            "transactionHasx",
            "transactionIndeX",
            "transactionIndexx",
            "aFieldNameLongerThanSixteeN",
            "\u00e9"
        }) {
            assertEquals(-1, number(other, "", "\":1}"), other);
            assertEquals(-1, number(other, "", ""), other);
        }
    }
}
