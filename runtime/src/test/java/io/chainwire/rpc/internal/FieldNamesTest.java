package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldNamesTest {
  private static final FieldNames NAMES = new FieldNames(
      "", "id", "logIndex", "blockHash", "blockNumber", "transactionHash", "transactionIndex", "aFieldNameLongerThanSixteen");

  private static int number(String name, String before, String after) {
    byte[] bytes = (before + name + after).getBytes(StandardCharsets.UTF_8);
    return NAMES.number(bytes, before.length(), name.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void findsEachNameWhereverItSitsInTheBuffer() {
    String[] names = {"", "id", "logIndex", "blockHash", "blockNumber", "transactionHash", "transactionIndex",
        "aFieldNameLongerThanSixteen"};
    for (int i = 0; i < names.length; i++) {
      // Followed by more bytes, as in a buffer; at the very end; after other bytes.
      assertEquals(i, number(names[i], "", "\":\"0x1\"}"), names[i]);
      assertEquals(i, number(names[i], "", ""), names[i]);
      assertEquals(i, number(names[i], "{\"x\":1,\"", ""), names[i]);
    }
  }

  @Test
  void findsNoNameThatDiffersInOneByteOrInLength() {
    for (String other : new String[] {"i", "ids", "Id", "logIndeX", "logIndex_", "blockHasH", "bLockHash",
        "transactionHasx", "transactionIndeX", "transactionIndexx", "aFieldNameLongerThanSixteeN", "\u00e9"}) {
      assertEquals(-1, number(other, "", "\":1}"), other);
      assertEquals(-1, number(other, "", ""), other);
    }
  }

  private static int quotedNumber(String text, int limitFromEnd) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return NAMES.quotedNumber(bytes, 1, bytes.length - limitFromEnd);
  }

  @Test
  void matchesEachNameWithItsClosingQuoteInPlace() {
    String[] names = {"", "id", "logIndex", "blockHash", "blockNumber", "transactionHash", "transactionIndex",
        "aFieldNameLongerThanSixteen"};
    for (int i = 0; i < names.length; i++) {
      assertEquals(i, quotedNumber("\"" + names[i] + "\":\"0x1\",\"more\":1}", 0), names[i]);
    }
  }

  @Test
  void leavesOtherNamesEscapesAndTheEndOfTheBufferToTheGeneralWay() {
    for (String other : new String[] {"i", "ids", "Id", "logIndeX", "logIndex_", "blockHasH", "blockHashes",
        "transactionHasx", "transactionIndeX", "transactionIndexx", "aFieldNameLongerThanSixteeN", "\\u0069d",
        "block\\u0048ash"}) {
      assertEquals(-1, quotedNumber("\"" + other + "\":\"0x1\",\"more\":1}", 0), other);
    }
    // Too few bytes before the limit to look at: the caller reads on the general way.
    assertEquals(-1, quotedNumber("\"id\":1}", 0));
    assertEquals(-1, quotedNumber("\"blockNumber\":\"0x1\",\"x\":1}", 16));
  }
}
