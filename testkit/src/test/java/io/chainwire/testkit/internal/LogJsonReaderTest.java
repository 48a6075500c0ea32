package io.chainwire.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.testkit.Receipt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogJsonReaderTest {
  private static final String ADDRESS = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final String TOPIC = "0x" + "ab".repeat(32);
  private static final String BLOCK_HASH = "0x" + "01".repeat(32);
  private static final String TX_HASH = "0x" + "02".repeat(32);

  private static String log(String field, String value) {
    String json = "{\"address\":\"" + ADDRESS + "\",\"topics\":[\"" + TOPIC + "\"],\"data\":\"0x0102\","
        + "\"blockNumber\":\"0x10\",\"blockHash\":\"" + BLOCK_HASH + "\",\"blockTimestamp\":\"0x5\","
        + "\"transactionHash\":\"" + TX_HASH + "\",\"transactionIndex\":\"0x0\",\"logIndex\":\"0x3\",\"removed\":false}";
    if (field == null) {
      return json;
    }
    String replaced = json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|false)", value == null ? "\"dropped\":0" : "\"" + field + "\":" + value);
    assertFalse(replaced.equals(json), "test setup: no field " + field);
    return replaced;
  }

  @Test
  void readsEveryFieldAndSkipsUnknownOnes() {
    List<RawLog> logs = LogJsonReader.logs("[" + log(null, null) + "]", "eth_getLogs result");

    LogMeta meta = new LogMeta(Address.fromHex(ADDRESS), 16, Hash.fromHex(BLOCK_HASH), Hash.fromHex(TX_HASH), 0, 3, false);
    assertEquals(List.of(new RawLog(List.of(Hash.fromHex(TOPIC)), Bytes.fromHex("0x0102"), meta)), logs);
  }

  @Test
  void readsAnEmptyArray() {
    assertEquals(List.of(), LogJsonReader.logs("[]", "eth_getLogs result"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "blockHash | null | r[0].blockHash: expected a string, found null",
    "blockHash | | r[0]: missing field blockHash",
    "logIndex | \"7\" | r[0].logIndex: expected a hex quantity like 0x1a, found \"7\"",
    "logIndex | 7 | r[0].logIndex: expected a string, found a number",
    "data | \"0x123\" | r[0].data: odd number of hex digits (3) in \"0x123\"",
    "address | \"0x12\" | r[0].address: an address has 20 bytes (40 hex digits), got 1 in \"0x12\"",
    "topics | [\"0x12\"] | r[0].topics[0]: a hash has 32 bytes (64 hex digits), got 1 in \"0x12\"",
    "topics | \"x\" | r[0].topics: expected an array, found a string",
    "removed | \"no\" | r[0].removed: expected a boolean, found a string",
  })
  void malformedFieldsAreNamedWithTheirPath(String field, String value, String message) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LogJsonReader.logs("[" + log(field, value) + "]", "r"));
    assertTrue(error.getMessage().startsWith(message), error.getMessage());
  }

  @Test
  void moreThanFourTopicsAreRejected() {
    String topics = "[" + ("\"" + TOPIC + "\",").repeat(4) + "\"" + TOPIC + "\"]";
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LogJsonReader.logs("[" + log("topics", topics) + "]", "r"));
    assertEquals("r[0].topics: a log has at most 4 topics, found 5", error.getMessage());
  }

  @Test
  void truncatedJsonIsReportedAsMalformed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LogJsonReader.logs("[" + log(null, null), "r"));
    assertTrue(error.getMessage().startsWith("r: malformed JSON: "), error.getMessage());
  }

  @Test
  void readsAReceiptWithItsLogsAndContractAddress() {
    String json = "{\"transactionHash\":\"" + TX_HASH + "\",\"blockNumber\":\"0x10\",\"blockHash\":\"" + BLOCK_HASH
        + "\",\"status\":\"0x1\",\"contractAddress\":\"" + ADDRESS + "\",\"gasUsed\":\"0x5208\",\"logs\":[" + log(null, null) + "]}";

    Receipt receipt = LogJsonReader.receipt(json, "receipt");

    assertEquals(Hash.fromHex(TX_HASH), receipt.transactionHash());
    assertEquals(16, receipt.blockNumber());
    assertTrue(receipt.succeeded());
    assertEquals(Address.fromHex(ADDRESS), receipt.contractAddress().orElseThrow());
    assertEquals(1, receipt.logs().size());
  }

  @Test
  void receiptWithoutStatusIsRejected() {
    String json = "{\"transactionHash\":\"" + TX_HASH + "\",\"blockNumber\":\"0x10\",\"blockHash\":\"" + BLOCK_HASH
        + "\",\"contractAddress\":null,\"logs\":[]}";
    assertEquals("receipt: missing field status",
        assertThrows(IllegalArgumentException.class, () -> LogJsonReader.receipt(json, "receipt")).getMessage());
  }
}
