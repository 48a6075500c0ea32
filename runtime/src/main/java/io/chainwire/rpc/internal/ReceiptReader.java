package io.chainwire.rpc.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.TransactionReceipt;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the result of {@code eth_getTransactionReceipt} into a {@link TransactionReceipt}, its logs with
 * {@link LogsParser}, skipping every other field (gas, bloom, type). Receipts from before Byzantium, which carry a
 * state root instead of a status, are rejected as lacking the status.
 */
public final class ReceiptReader {
    /** Reads a receipt object, or null (the transaction is pending or unknown) as empty. */
    public static final ResultReader<Optional<TransactionReceipt>> OPTIONAL = (reader, path) ->
            reader.current() == JsonReader.Token.NULL ? Optional.empty() : Optional.of(read(reader, path));

    private static final int TRANSACTION_HASH = 0;
    private static final int BLOCK_NUMBER = 1;
    private static final int BLOCK_HASH = 2;
    private static final int STATUS = 3;
    private static final int CONTRACT_ADDRESS = 4;
    private static final int LOGS = 5;
    private static final FieldNames FIELDS =
            new FieldNames("transactionHash", "blockNumber", "blockHash", "status", "contractAddress", "logs");
    // Nodes send a null contractAddress for calls, and some leave it out.
    private static final int REQUIRED = FIELDS.allBut(CONTRACT_ADDRESS);

    private ReceiptReader() {}

    private static TransactionReceipt read(JsonReader reader, String path) throws IOException {
        if (reader.current() != JsonReader.Token.BEGIN_OBJECT) {
            throw MalformedResponse.at(
                    reader,
                    path,
                    "expected a receipt object, got " + reader.current().describe());
        }
        Hash transactionHash = null;
        long blockNumber = 0;
        Hash blockHash = null;
        boolean succeeded = false;
        Address contractAddress = null;
        List<RawLog> logs = null;
        int seen = 0;
        int field;
        while ((field = FIELDS.next(reader)) >= 0) {
            seen = FIELDS.mark(seen, field, reader, path);
            String at = path + "." + FIELDS.name(field);
            try {
                switch (field) {
                    case TRANSACTION_HASH -> transactionHash = HexValues.hash(reader);
                    case BLOCK_NUMBER -> blockNumber = HexValues.quantity(reader);
                    case BLOCK_HASH -> blockHash = HexValues.hash(reader);
                    case STATUS -> succeeded = status(reader);
                    case CONTRACT_ADDRESS ->
                        contractAddress = reader.current() == JsonReader.Token.NULL ? null : HexValues.address(reader);
                    case LOGS -> logs = LogsParser.LOGS.read(reader, at);
                    default -> throw new IllegalStateException("unhandled field " + FIELDS.name(field));
                }
            } catch (MalformedResponse e) {
                throw e.under(at);
            }
        }
        FIELDS.requireAll(seen, REQUIRED, reader, path, "receipt");
        return new TransactionReceipt(
                transactionHash, blockNumber, blockHash, succeeded, Optional.ofNullable(contractAddress), logs);
    }

    private static boolean status(JsonReader reader) throws IOException {
        long status = HexValues.quantity(reader);
        if (status > 1) {
            throw MalformedResponse.at(
                    reader, "expected status 0x0 (reverted) or 0x1 (succeeded), got " + reader.stringValue());
        }
        return status == 1;
    }
}
