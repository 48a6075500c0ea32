package io.chainwire.codegen.abi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an ABI file can be rejected: each case pins the JSON path, line, column and reason.
 *
 * <p>JSON in these cases is written with {@code '} for {@code "} (see {@link TestAbis#json}).
 */
final class AbiReaderMalformedTest {
    private static final String SHAPES =
            "expected a JSON array of ABI entries, an artifact object with an \"abi\" array"
                    + " (Hardhat, Foundry, Truffle) or solc --combined-json output (an object with \"contracts\")";
    private static final String KNOWN_TYPES = "expected uint<M>, int<M>, address, bool, bytes<M>, bytes, string,"
            + " function or tuple, optionally followed by array suffixes [] or [k]";
    private static final String FIXED_POINT =
            "fixed-point types are not supported by Solidity's ABI encoder in practice and not by chainwire";
    private static final String INTEGER_WIDTHS = "integer widths are 8 to 256 in steps of 8";
    private static final String BYTE_SIZES =
            "fixed-size byte arrays are bytes1 to bytes32; use bytes for any other length";
    private static final String IDENTIFIER_RULE = "use letters, digits, _ and $, not starting with a digit";

    /** One malformed document and the error it must produce. */
    record Case(String name, String source, byte[] json, String location, int line, int column, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> malformedDocuments() {
        return Stream.of(
                // JSON itself
                bad(
                        "JSON syntax error names the innermost value",
                        "[{'type': 'event',}]",
                        "[0]",
                        1,
                        19,
                        "invalid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name"),
                bad(
                        "unterminated document points at the end",
                        "[{'type': 'event'}",
                        "$",
                        1,
                        19,
                        "invalid JSON: Unexpected end-of-input: expected close marker for Array (start marker at line 1, column 1)"),
                bad(
                        "comments are not JSON",
                        "// Token\n[]",
                        "$",
                        1,
                        1,
                        "invalid JSON: Unexpected character ('/' (code 47)): maybe a (non-standard) comment?"
                                + " (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)"),
                bad(
                        "JSON nested deeper than the parser allows",
                        "[".repeat(1001),
                        "[0]".repeat(999),
                        1,
                        1002,
                        "invalid JSON: Document nesting depth (1001) exceeds the maximum allowed"
                                + " (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"),
                bad("empty file", "", "$", 1, 1, "the file is empty: " + SHAPES),
                bad("file of whitespace only", " \n\t\n", "$", 1, 1, "the file is empty: " + SHAPES),
                bad(
                        "second JSON document after the first",
                        "[]\n[]",
                        "$",
                        2,
                        1,
                        "unexpected content after the end of the JSON document: a file holds exactly one JSON value"),
                bad(
                        "trailing garbage after the document",
                        "[] garbage",
                        "$",
                        1,
                        4,
                        "invalid JSON: Unrecognized token 'garbage': was expecting (JSON String, Number, Array, Object"
                                + " or token 'null', 'true' or 'false')"),
                bad(
                        "duplicate key",
                        "[{'type': 'event',\n  'name': 'A',\n  'name': 'B'}]",
                        "[0].name",
                        3,
                        9,
                        "duplicate key \"name\": a JSON object may hold each key only once; remove one of them"),
                new Case(
                        "not UTF-8",
                        "Bad.json",
                        new byte[] {'[', '\n', ' ', '"', (byte) 0xC3, '"', ']'},
                        "$",
                        2,
                        3,
                        "the file is not valid UTF-8 (byte 0xC3 at offset 4): save it as UTF-8"),

                // document shape
                bad("top-level number", "42", "$", 1, 1, SHAPES + ", found the number 42"),
                bad("top-level string", "  'abi'", "$", 1, 3, SHAPES + ", found the string \"abi\""),
                bad(
                        "object of unknown shape",
                        "{'_format': 'hh-sol-dbg-1', 'buildInfo': '../../build-info/5e1b.json'}",
                        "$",
                        1,
                        1,
                        SHAPES + ", found an object with keys \"_format\", \"buildInfo\""),
                bad("empty object", "{}", "$", 1, 1, SHAPES + ", found an empty object"),
                bad(
                        "artifact abi not an array",
                        "{'contractName': 'Token', 'abi': '[]'}",
                        "abi",
                        1,
                        34,
                        "expected an array of ABI entries, found the string \"[]\""),
                bad(
                        "artifact contractName not a string",
                        "{'contractName': 7, 'abi': []}",
                        "contractName",
                        1,
                        18,
                        "\"contractName\" must be a non-empty string, found the number 7"),
                bad(
                        "artifact contractName empty",
                        "{'contractName': '', 'abi': []}",
                        "contractName",
                        1,
                        18,
                        "\"contractName\" must be a non-empty string, found the string \"\""),
                badFile(
                        "file name gives no contract name",
                        "abis/.json",
                        "[]",
                        "$",
                        1,
                        1,
                        "cannot name the contract after the file abis/.json: rename the file to the contract's name,"
                                + " for example Token.json"),

                // combined JSON
                bad(
                        "combined-json contracts not an object",
                        "{'contracts': ['Token'], 'version': '0.8.26'}",
                        "contracts",
                        1,
                        15,
                        "\"contracts\" of solc --combined-json output must be an object mapping \"file:Contract\""
                                + " to its outputs, found an array"),
                bad(
                        "combined-json entry not an object",
                        "{'contracts': {'src/Token.sol:Token': 'abi'}}",
                        "contracts[\"src/Token.sol:Token\"]",
                        1,
                        39,
                        "expected an object of compiler outputs, found the string \"abi\""),
                bad(
                        "combined-json entry without abi",
                        "{'contracts': {'src/Token.sol:Token': {'bin': '6080'}}}",
                        "contracts[\"src/Token.sol:Token\"]",
                        1,
                        39,
                        "no \"abi\": run solc with --combined-json abi (plus any other outputs you need)"),
                bad(
                        "combined-json abi neither array nor string",
                        "{'contracts': {'T.sol:T': {'abi': 12}}}",
                        "contracts[\"T.sol:T\"].abi",
                        1,
                        35,
                        "expected an array of ABI entries or a string holding one, found the number 12"),
                bad(
                        "combined-json key without contract name",
                        "{'contracts': {'T.sol:': {'abi': []}}}",
                        "contracts[\"T.sol:\"]",
                        1,
                        26,
                        "the key does not end in a contract name: expected \"file:Contract\""),
                bad(
                        "combined-json key with a quote is escaped in the path",
                        "{'contracts': {'a\\'b:T': {'abi': [1]}}}",
                        "contracts[\"a\\\"b:T\"].abi[0]",
                        1,
                        35,
                        "an ABI entry must be an object, found the number 1"),
                bad(
                        "combined-json abi string that is invalid JSON",
                        "{'contracts': {'T.sol:T': {'abi': '[{\\'type\\':}]'}}}",
                        "contracts[\"T.sol:T\"].abi[0]",
                        1,
                        10,
                        "invalid JSON: Unexpected character ('}' (code 125)): expected a value"),
                bad(
                        "combined-json abi string with an error inside points into the string",
                        "{'contracts': {'T.sol:T': {'abi': '[{\\'type\\':\\'event\\',\\'name\\':\\'E\\',\\n\\'inputs\\':[{\\'type\\':\\'uint7\\'}]}]'}}}",
                        "contracts[\"T.sol:T\"].abi[0].inputs[0].type",
                        2,
                        19,
                        "unknown type \"uint7\": " + INTEGER_WIDTHS),
                bad(
                        "combined-json abi string that is empty",
                        "{'contracts': {'T.sol:T': {'abi': ' '}}}",
                        "contracts[\"T.sol:T\"].abi",
                        1,
                        35,
                        "the \"abi\" string is empty: it should hold a JSON array"),
                bad(
                        "combined-json abi string holding an object",
                        "{'contracts': {'T.sol:T': {'abi': '{}'}}}",
                        "contracts[\"T.sol:T\"].abi",
                        1,
                        1,
                        "expected an array of ABI entries, found an object"),

                // entries
                bad(
                        "entry not an object",
                        "[{'type': 'function'}, 'event']",
                        "[1]",
                        1,
                        24,
                        "an ABI entry must be an object, found the string \"event\""),
                bad(
                        "unknown entry type",
                        "[{'type': 'evnt', 'name': 'Transfer'}]",
                        "[0].type",
                        1,
                        11,
                        "unknown entry type \"evnt\": expected function, constructor, fallback, receive, error or event"),
                bad(
                        "entry type not a string",
                        "[{'type': null}]",
                        "[0].type",
                        1,
                        11,
                        "\"type\" must be a string, found null"),
                bad(
                        "event without name",
                        "[{'type': 'event', 'inputs': []}]",
                        "[0]",
                        1,
                        2,
                        "event has no \"name\": add the event's name, for example \"Transfer\""),
                bad(
                        "event name not a string",
                        "[{'type': 'event', 'name': ['Transfer']}]",
                        "[0].name",
                        1,
                        28,
                        "\"name\" must be a string, found an array"),
                bad(
                        "event name not an identifier",
                        "[{'type': 'event', 'name': '1Transfer'}]",
                        "[0].name",
                        1,
                        28,
                        "event name \"1Transfer\" is not a Solidity identifier: " + IDENTIFIER_RULE),
                bad(
                        "event name with a space",
                        "[{'type': 'event', 'name': 'Token Transfer'}]",
                        "[0].name",
                        1,
                        28,
                        "event name \"Token Transfer\" is not a Solidity identifier: " + IDENTIFIER_RULE),
                bad(
                        "event name empty",
                        "[{'type': 'event', 'name': ''}]",
                        "[0].name",
                        1,
                        28,
                        "event name \"\" is not a Solidity identifier: " + IDENTIFIER_RULE),
                bad(
                        "inputs not an array",
                        "[{'type': 'event', 'name': 'E', 'inputs': {}}]",
                        "[0].inputs",
                        1,
                        43,
                        "expected an array of event inputs, found an object"),
                bad(
                        "anonymous not a boolean",
                        "[{'type': 'event', 'name': 'E', 'anonymous': 'false'}]",
                        "[0].anonymous",
                        1,
                        46,
                        "\"anonymous\" must be true or false, found the string \"false\""),

                // inputs
                bad(
                        "input not an object",
                        event("'address'"),
                        "abi[0].inputs[0]",
                        1,
                        52,
                        "an event input must be an object, found the string \"address\""),
                bad(
                        "input without type",
                        event("{'name': 'from'}"),
                        "abi[0].inputs[0]",
                        1,
                        52,
                        "parameter has no \"type\": add its ABI type, for example \"uint256\""),
                bad(
                        "type not a string",
                        event("{'type': 256}"),
                        "abi[0].inputs[0].type",
                        1,
                        61,
                        "\"type\" must be a string, found the number 256"),
                bad(
                        "input name not a string",
                        event("{'name': false, 'type': 'bool'}"),
                        "abi[0].inputs[0].name",
                        1,
                        61,
                        "\"name\" must be a string, found false"),
                bad(
                        "input name not an identifier",
                        event("{'name': 'to-address', 'type': 'address'}"),
                        "abi[0].inputs[0].name",
                        1,
                        61,
                        "parameter name \"to-address\" is not a Solidity identifier: " + IDENTIFIER_RULE),
                bad(
                        "indexed not a boolean",
                        event("{'type': 'address', 'indexed': 1}"),
                        "abi[0].inputs[0].indexed",
                        1,
                        83,
                        "\"indexed\" must be true or false, found the number 1"),
                bad(
                        "internalType not a string",
                        event("{'type': 'address', 'internalType': {}}"),
                        "abi[0].inputs[0].internalType",
                        1,
                        88,
                        "\"internalType\" must be a string, found an object"),
                bad(
                        "duplicate input names",
                        event("{'name': 'a', 'type': 'bool'}, {'name': 'a', 'type': 'uint8'}"),
                        "abi[0].inputs[1].name",
                        1,
                        92,
                        "duplicate name \"a\": event input 0 has it too; Solidity requires distinct names, so rename one"),
                bad(
                        "too many indexed inputs",
                        event(indexedInputs(4)),
                        "abi[0].inputs[3].indexed",
                        1,
                        253,
                        "event \"E\" has more than 3 indexed inputs: a non-anonymous event has at"
                                + " most 3 (topic 0 holds the signature hash); remove \"indexed\" from one"),
                bad(
                        "too many indexed inputs in an anonymous event",
                        "{'abi': [{'type': 'event', 'name': 'E', 'anonymous': true, 'inputs': [" + indexedInputs(5)
                                + "]}]}",
                        "abi[0].inputs[4].indexed",
                        1,
                        324,
                        "event \"E\" has more than 4 indexed inputs: an anonymous event has at"
                                + " most 4 (a log holds 4 topics); remove \"indexed\" from one"),

                // types
                unknownType("addr", KNOWN_TYPES),
                unknownType("Uint256", KNOWN_TYPES),
                unknownType("uint256 ", KNOWN_TYPES),
                unknownType("uint257", INTEGER_WIDTHS),
                unknownType("uint7", INTEGER_WIDTHS),
                unknownType("int0", INTEGER_WIDTHS),
                unknownType("int264", INTEGER_WIDTHS),
                unknownType("uint08", INTEGER_WIDTHS),
                unknownType("uint99999999999999999999", INTEGER_WIDTHS),
                unknownType("bytes33", BYTE_SIZES),
                unknownType("bytes0", BYTE_SIZES),
                unknownType("tuple2", KNOWN_TYPES),
                typeError("fixed", "unsupported type \"fixed\": " + FIXED_POINT),
                typeError("ufixed", "unsupported type \"ufixed\": " + FIXED_POINT),
                typeError("fixed128x18", "unsupported type \"fixed128x18\": " + FIXED_POINT),
                typeError("ufixed8x1[]", "unsupported type \"ufixed8x1[]\": " + FIXED_POINT),
                typeError(
                        "uint8[0]",
                        "invalid array type \"uint8[0]\": array length 0 is not allowed: a fixed-size array has"
                                + " at least one element"),
                typeError(
                        "uint8[01]",
                        "invalid array type \"uint8[01]\": array length \"01\" has a leading zero: write lengths"
                                + " as plain decimal numbers"),
                typeError(
                        "uint8[x]",
                        "invalid array type \"uint8[x]\": array length \"x\" is not a number: use [] for a dynamic"
                                + " array or [k] with k a positive decimal number"),
                typeError(
                        "uint8[-1]",
                        "invalid array type \"uint8[-1]\": array length \"-1\" is not a number: use [] for a"
                                + " dynamic array or [k] with k a positive decimal number"),
                typeError("uint8[2", "invalid array type \"uint8[2\": array suffix \"[2\" is not closed with ]"),
                typeError(
                        "uint8[2]x",
                        "invalid array type \"uint8[2]x\": unexpected \"x\" after an array suffix; " + KNOWN_TYPES),
                typeError(
                        "uint8[99999999999]",
                        "invalid array type \"uint8[99999999999]\": array length 99999999999 is too"
                                + " large: chainwire supports fixed lengths up to 2147483647"),
                typeError(
                        "uint256[2147483647]",
                        "type \"uint256[2147483647]\" takes 68719476704 bytes in the head of the"
                                + " encoding; chainwire supports at most 2147483647"),
                typeError(
                        "address[67108864]",
                        "type \"address[67108864]\" takes 2147483648 bytes in the head of the"
                                + " encoding; chainwire supports at most 2147483647"),
                typeError(
                        "bytes32[65536][1024]",
                        "type \"bytes32[65536][1024]\" takes 2147483648 bytes in the head of the"
                                + " encoding; chainwire supports at most 2147483647"),
                typeError(
                        "uint8" + "[]".repeat(33),
                        "type \"uint8" + "[]".repeat(33) + "\" sits 33 array and tuple levels"
                                + " deep; chainwire supports at most 32"),
                bad(
                        "tuple whose members' heads together are too large",
                        event(
                                "{'type': 'tuple', 'components': [{'type': 'bytes32[67108863]'}, {'type': 'bytes32[67108863]'}]}"),
                        "abi[0].inputs[0].type",
                        1,
                        61,
                        "type \"tuple\" takes 4294967232 bytes in the head of the encoding; chainwire"
                                + " supports at most 2147483647"),
                bad(
                        "event whose data heads together are too large",
                        event("{'type': 'bytes32[67108863]'}, {'type': 'bytes32[67108863]', 'indexed': false}"),
                        "abi[0]",
                        1,
                        10,
                        "the non-indexed inputs of event \"E\" take 4294967232 bytes in the head of the encoding;"
                                + " chainwire supports at most 2147483647"),
                bad(
                        "tuple without components",
                        event("{'name': 'order', 'type': 'tuple[]'}"),
                        "abi[0].inputs[0]",
                        1,
                        52,
                        "type \"tuple[]\" has no \"components\": list the tuple's members in \"components\""),
                bad(
                        "components on a non-tuple",
                        event("{'type': 'uint256', 'components': []}"),
                        "abi[0].inputs[0].components",
                        1,
                        86,
                        "\"components\" is only allowed on tuple types, not on \"uint256\": remove"
                                + " it, or make the type \"tuple\""),
                bad(
                        "empty tuple",
                        event("{'type': 'tuple', 'components': []}"),
                        "abi[0].inputs[0].components",
                        1,
                        84,
                        "a tuple needs at least one component: Solidity has no empty structs"),
                bad(
                        "components not an array",
                        event("{'type': 'tuple', 'components': 'uint8'}"),
                        "abi[0].inputs[0].components",
                        1,
                        84,
                        "expected an array of tuple components, found the string \"uint8\""),
                bad(
                        "component not an object",
                        event("{'type': 'tuple', 'components': [true]}"),
                        "abi[0].inputs[0].components[0]",
                        1,
                        85,
                        "a tuple component must be an object, found true"),
                bad(
                        "duplicate component names",
                        event(
                                "{'type': 'tuple', 'components': [{'name': 'x', 'type': 'bool'}, {'name': 'x', 'type': 'bool'}]}"),
                        "abi[0].inputs[0].components[1].name",
                        1,
                        125,
                        "duplicate name \"x\": tuple component 0 has it too; Solidity requires distinct names, so rename one"),
                bad(
                        "error deep inside nested components",
                        event(
                                "{'type': 'tuple', 'components': [{'type': 'tuple[2]', 'components': [{'type': 'bytes0'}]}]}"),
                        "abi[0].inputs[0].components[0].components[0].type",
                        1,
                        130,
                        "unknown type \"bytes0\": " + BYTE_SIZES),
                bad(
                        "struct internalType that names no struct",
                        event("{'type': 'tuple', 'internalType': 'struct 9Lives',"
                                + " 'components': [{'type': 'bool'}]}"),
                        "abi[0].inputs[0].internalType",
                        1,
                        86,
                        "internalType \"struct 9Lives\" does not name a struct: expected"
                                + " \"struct Name\" or \"struct Contract.Name\", optionally followed by array suffixes"),
                bad(
                        "tuples nested too deep",
                        event(nestedTuples(33)),
                        "abi[0].inputs[0]" + ".components[0]".repeat(32) + ".type",
                        1,
                        1117,
                        "type \"tuple\" sits 33 array and tuple levels deep; chainwire supports at most 32"),
                bad(
                        "tuple arrays nested too deep",
                        event("{'type': 'tuple" + "[]".repeat(31) + "', 'components': [{'type': 'uint8[]'}]}"),
                        "abi[0].inputs[0].components[0].type",
                        1,
                        156,
                        "type \"uint8[]\" sits 33 array and tuple levels deep; chainwire supports at most 32"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDocuments")
    void rejectsWithLocationLineColumnAndReason(Case bad) {
        AbiFormatException e = assertThrows(AbiFormatException.class, () -> AbiReader.read(bad.source(), bad.json()));
        assertAll(
                () -> assertEquals(bad.reason(), e.reason(), "reason"),
                () -> assertEquals(bad.location(), e.location(), "location"),
                () -> assertEquals(bad.line(), e.line(), "line"),
                () -> assertEquals(bad.column(), e.column(), "column"),
                () -> assertEquals(bad.source(), e.source(), "source"),
                () -> assertEquals(
                        bad.source() + ":" + bad.line() + ":" + bad.column() + ": " + bad.location() + ": "
                                + bad.reason(),
                        e.getMessage(),
                        "message"));
    }

    private static Case bad(String name, String json, String location, int line, int column, String reason) {
        return badFile(name, "Bad.json", json, location, line, column, reason);
    }

    private static Case badFile(
            String name, String source, String json, String location, int line, int column, String reason) {
        return new Case(name, source, TestAbis.json(json), location, line, column, reason);
    }

    private static Case unknownType(String type, String why) {
        return typeError(type, "unknown type \"" + type + "\": " + why);
    }

    /** A Foundry-style artifact whose only event has one input of {@code type}; the type string starts at column 61. */
    private static Case typeError(String type, String reason) {
        return bad("type " + type, event("{'type': '" + type + "'}"), "abi[0].inputs[0].type", 1, 61, reason);
    }

    /** An artifact holding one event {@code E} with {@code inputs}; the first input starts at column 52. */
    private static String event(String inputs) {
        return "{'abi': [{'type': 'event', 'name': 'E', 'inputs': [" + inputs + "]}]}";
    }

    private static String indexedInputs(int count) {
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            inputs.append(i == 0 ? "" : ", ")
                    .append("{'name': 'a")
                    .append(i)
                    .append("', 'type': 'address', 'indexed': true}");
        }
        return inputs.toString();
    }

    /** {@code levels} tuples, each the only component of the one before, around a {@code bool}. */
    private static String nestedTuples(int levels) {
        return "{'type': 'tuple', 'components': [".repeat(levels) + "{'type': 'bool'}" + "]}".repeat(levels);
    }
}
