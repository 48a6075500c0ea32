package io.chainwire.testkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.abi.Bytes;
import io.chainwire.testkit.CompiledContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What solc's standard-JSON output holds for one source unit: its contracts (ABI and creation bytecode) and the
 * formatted messages of its errors (warnings are left out).
 *
 * @param contracts the contracts by name, sorted
 * @param errors solc's formatted error messages, empty when compilation succeeded
 */
public record SolcOutput(Map<String, CompiledContract> contracts, List<String> errors) {
    /** Copies the collections. */
    public SolcOutput {
        contracts = Map.copyOf(contracts);
        errors = List.copyOf(errors);
    }

    /**
     * Reads the contracts of {@code unit} and all errors from standard-JSON output.
     *
     * @throws IllegalArgumentException if the output is not solc's standard JSON
     */
    public static SolcOutput read(String json, String unit) {
        Map<String, CompiledContract> contracts = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
            JsonText.expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "solc output");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("errors")) {
                    readErrors(parser, value, errors);
                } else if (field.equals("contracts")) {
                    readUnits(parser, value, unit, contracts);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw JsonText.malformed("solc output", e);
        }
        return new SolcOutput(contracts, errors);
    }

    private static void readErrors(JsonParser parser, JsonToken start, List<String> errors) throws IOException {
        JsonText.expect(parser, start, JsonToken.START_ARRAY, "solc output.errors");
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonText.expect(parser, token, JsonToken.START_OBJECT, "solc output.errors[]");
            String severity = null;
            String formatted = null;
            String message = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "severity" -> severity = parser.getText();
                    case "formattedMessage" -> formatted = parser.getText();
                    case "message" -> message = parser.getText();
                    default -> parser.skipChildren();
                }
            }
            if ("error".equals(severity)) {
                errors.add((formatted != null ? formatted : String.valueOf(message)).strip());
            }
        }
    }

    private static void readUnits(
            JsonParser parser, JsonToken start, String unit, Map<String, CompiledContract> contracts)
            throws IOException {
        JsonText.expect(parser, start, JsonToken.START_OBJECT, "solc output.contracts");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(unit)) {
                readContracts(parser, value, "solc output.contracts." + unit, contracts);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void readContracts(
            JsonParser parser, JsonToken start, String where, Map<String, CompiledContract> contracts)
            throws IOException {
        JsonText.expect(parser, start, JsonToken.START_OBJECT, where);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonText.expect(parser, parser.nextToken(), JsonToken.START_OBJECT, where + "." + name);
            String abi = null;
            String bytecode = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("abi")) {
                    JsonText.expect(parser, value, JsonToken.START_ARRAY, where + "." + name + ".abi");
                    abi = JsonText.copyValue(parser);
                } else if (field.equals("evm")) {
                    bytecode = readBytecode(parser, value, where + "." + name + ".evm");
                } else {
                    parser.skipChildren();
                }
            }
            if (abi == null || bytecode == null) {
                throw new IllegalArgumentException(where + "." + name + ": missing abi or evm.bytecode.object");
            }
            contracts.put(name, new CompiledContract(name, abi, Bytes.fromHex(bytecode)));
        }
    }

    private static String readBytecode(JsonParser parser, JsonToken start, String where) throws IOException {
        JsonText.expect(parser, start, JsonToken.START_OBJECT, where);
        String object = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("bytecode")) {
                object = JsonText.stringField(JsonText.copyValue(parser), "object", where + ".bytecode");
            } else {
                parser.skipChildren();
            }
        }
        return object;
    }
}
