package io.chainwire.codegen.abi.internal;

import io.chainwire.codegen.abi.AbiEvent;
import io.chainwire.codegen.abi.AbiFormatException;
import io.chainwire.codegen.abi.AbiParameter;
import io.chainwire.codegen.abi.AbiType;
import io.chainwire.codegen.abi.AbiType.ArrayType;
import io.chainwire.codegen.abi.AbiType.TupleType;
import io.chainwire.codegen.abi.internal.JsonValue.JsonArray;
import io.chainwire.codegen.abi.internal.JsonValue.JsonBoolean;
import io.chainwire.codegen.abi.internal.JsonValue.JsonObject;
import io.chainwire.codegen.abi.internal.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the entries of one ABI array. Events become {@link AbiEvent}s; other entries are checked to be objects of a
 * known {@code type} and dropped.
 */
public final class AbiEntryReader {
    /** The most array and tuple levels a parameter type may nest. */
    private static final int MAX_NESTING = 32;

    private static final Set<String> OTHER_ENTRY_TYPES =
            Set.of("function", "constructor", "fallback", "receive", "error");
    private static final String ENTRY_TYPES = "function, constructor, fallback, receive, error or event";
    private static final String IDENTIFIER_RULE = "use letters, digits, _ and $, not starting with a digit";
    private static final long MAX_HEAD_SIZE = Integer.MAX_VALUE;

    private final SourceFile source;

    private AbiEntryReader(SourceFile source) {
        this.source = source;
    }

    /** Returns the events of the ABI array {@code abi}, found at {@code path}, in ABI order. */
    public static List<AbiEvent> readEvents(SourceFile source, JsonValue abi, JsonPath path) throws AbiFormatException {
        return new AbiEntryReader(source).events(abi, path);
    }

    private List<AbiEvent> events(JsonValue abi, JsonPath path) throws AbiFormatException {
        if (!(abi instanceof JsonArray entries)) {
            throw source.error(path, abi, "expected an array of ABI entries, found " + abi.describe());
        }
        List<AbiEvent> events = new ArrayList<>();
        for (int i = 0; i < entries.elements().size(); i++) {
            JsonValue entry = entries.elements().get(i);
            JsonPath entryPath = path.index(i);
            if (!(entry instanceof JsonObject object)) {
                throw source.error(entryPath, entry, "an ABI entry must be an object, found " + entry.describe());
            }
            // The ABI specification makes a missing type mean "function".
            String type = string(object, entryPath, "type", "function");
            if (type.equals("event")) {
                events.add(event(object, entryPath));
            } else if (!OTHER_ENTRY_TYPES.contains(type)) {
                throw source.error(
                        entryPath.key("type"),
                        object.get("type"),
                        "unknown entry type " + Quotes.quote(type) + ": expected " + ENTRY_TYPES);
            }
        }
        return events;
    }

    private AbiEvent event(JsonObject object, JsonPath path) throws AbiFormatException {
        if (object.get("name") == null) {
            throw source.error(path, object, "event has no \"name\": add the event's name, for example \"Transfer\"");
        }
        String name = string(object, path, "name", null);
        if (!SolidityNames.isIdentifier(name)) {
            throw source.error(
                    path.key("name"),
                    object.get("name"),
                    "event name " + Quotes.quote(name) + " is not a Solidity identifier: " + IDENTIFIER_RULE);
        }
        JsonValue inputsJson = object.get("inputs");
        List<AbiParameter> inputs =
                inputsJson == null ? List.of() : parameters(inputsJson, path.key("inputs"), 0, true);
        boolean anonymous = bool(object, path, "anonymous");
        if (inputsJson != null) {
            checkIndexed(name, inputs, anonymous, (JsonArray) inputsJson, path.key("inputs"));
        }
        long dataHead = inputs.stream()
                .filter(p -> !p.indexed())
                .mapToLong(p -> p.type().headSize())
                .sum();
        requireHeadSize(dataHead, path, object, "the non-indexed inputs of event " + Quotes.quote(name) + " take");
        return new AbiEvent(name, inputs, anonymous);
    }

    private void checkIndexed(String event, List<AbiParameter> inputs, boolean anonymous, JsonArray json, JsonPath path)
            throws AbiFormatException {
        int max = anonymous ? AbiEvent.MAX_INDEXED_ANONYMOUS : AbiEvent.MAX_INDEXED;
        int indexed = 0;
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).indexed() && ++indexed > max) {
                String limit = anonymous
                        ? "an anonymous event has at most " + max + " (a log holds 4 topics)"
                        : "a non-anonymous event has at most " + max + " (topic 0 holds the signature hash)";
                throw source.error(
                        path.index(i).key("indexed"),
                        ((JsonObject) json.elements().get(i)).get("indexed"),
                        "event " + Quotes.quote(event) + " has more than " + max + " indexed inputs: " + limit
                                + "; remove \"indexed\" from one");
            }
        }
    }

    private List<AbiParameter> parameters(JsonValue json, JsonPath path, int depth, boolean eventInputs)
            throws AbiFormatException {
        String kind = eventInputs ? "event input" : "tuple component";
        if (!(json instanceof JsonArray array)) {
            throw source.error(path, json, "expected an array of " + kind + "s, found " + json.describe());
        }
        List<AbiParameter> parameters = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.elements().size(); i++) {
            AbiParameter parameter = parameter(array.elements().get(i), path.index(i), depth, eventInputs);
            Integer first = parameter.name().isEmpty() ? null : seen.putIfAbsent(parameter.name(), i);
            if (first != null) {
                throw source.error(
                        path.index(i).key("name"),
                        ((JsonObject) array.elements().get(i)).get("name"),
                        "duplicate name " + Quotes.quote(parameter.name()) + ": " + kind + " " + first
                                + " has it too; Solidity requires distinct names, so rename one");
            }
            parameters.add(parameter);
        }
        return parameters;
    }

    private AbiParameter parameter(JsonValue json, JsonPath path, int depth, boolean eventInput)
            throws AbiFormatException {
        if (!(json instanceof JsonObject object)) {
            String kind = eventInput ? "an event input" : "a tuple component";
            throw source.error(path, json, kind + " must be an object, found " + json.describe());
        }
        String name = string(object, path, "name", "");
        if (!name.isEmpty() && !SolidityNames.isIdentifier(name)) {
            throw source.error(
                    path.key("name"),
                    object.get("name"),
                    "parameter name " + Quotes.quote(name) + " is not a Solidity identifier: " + IDENTIFIER_RULE);
        }
        JsonValue typeJson = object.get("type");
        if (typeJson == null) {
            throw source.error(path, object, "parameter has no \"type\": add its ABI type, for example \"uint256\"");
        }
        String typeText = string(object, path, "type", null);
        TypeName typeName;
        try {
            typeName = TypeNameParser.parse(typeText);
        } catch (IllegalArgumentException e) {
            throw source.error(path.key("type"), typeJson, e.getMessage());
        }
        String internalType = string(object, path, "internalType", null);
        // "indexed" only means something on event inputs, but a malformed value is still an error.
        boolean indexed = bool(object, path, "indexed") && eventInput;
        int nesting = depth + typeName.dimensions().size() + (typeName.isTuple() ? 1 : 0);
        if (nesting > MAX_NESTING) {
            throw source.error(
                    path.key("type"),
                    typeJson,
                    "type " + Quotes.quote(typeText) + " sits " + nesting
                            + " array and tuple levels deep; chainwire supports at most " + MAX_NESTING);
        }
        AbiType type = typeName.isTuple()
                ? tuple(
                        object,
                        path,
                        typeText,
                        internalType,
                        depth + typeName.dimensions().size() + 1)
                : elementary(object, path, typeName.elementary(), typeText);
        for (int length : typeName.dimensions()) {
            // The elements' heads of a fixed array are laid out one after another, even when they are offsets.
            if (length != ArrayType.DYNAMIC) {
                requireHeadSize(
                        (long) length * type.headSize(),
                        path.key("type"),
                        typeJson,
                        "type " + Quotes.quote(typeText) + " takes");
            }
            type = new ArrayType(type, length);
        }
        return new AbiParameter(name, type, indexed, internalType);
    }

    private AbiType elementary(JsonObject object, JsonPath path, AbiType elementary, String typeText)
            throws AbiFormatException {
        JsonValue components = object.get("components");
        if (components != null) {
            throw source.error(
                    path.key("components"),
                    components,
                    "\"components\" is only allowed on tuple types, not on " + Quotes.quote(typeText)
                            + ": remove it, or make the type \"tuple\"");
        }
        return elementary;
    }

    private TupleType tuple(JsonObject object, JsonPath path, String typeText, String internalType, int depth)
            throws AbiFormatException {
        JsonValue components = object.get("components");
        if (components == null) {
            throw source.error(
                    path,
                    object,
                    "type " + Quotes.quote(typeText)
                            + " has no \"components\": list the tuple's members in \"components\"");
        }
        JsonPath componentsPath = path.key("components");
        if (components instanceof JsonArray array && array.elements().isEmpty()) {
            throw source.error(
                    componentsPath, components, "a tuple needs at least one component: Solidity has no empty structs");
        }
        List<AbiParameter> members = parameters(components, componentsPath, depth, false);
        String qualifiedName;
        try {
            qualifiedName = internalType == null ? null : SolidityNames.qualifiedStructName(internalType);
        } catch (IllegalArgumentException e) {
            throw source.error(path.key("internalType"), object.get("internalType"), e.getMessage());
        }
        TupleType tuple = new TupleType(
                members, qualifiedName == null ? null : SolidityNames.simpleName(qualifiedName), qualifiedName);
        long heads = members.stream().mapToLong(m -> m.type().headSize()).sum();
        requireHeadSize(heads, path.key("type"), object.get("type"), "type " + Quotes.quote(typeText) + " takes");
        return tuple;
    }

    /** Rejects a head larger than an int can count; {@code subject} is the message's opening, ending in its verb. */
    private void requireHeadSize(long size, JsonPath path, JsonValue at, String subject) throws AbiFormatException {
        if (size > MAX_HEAD_SIZE) {
            throw source.error(
                    path,
                    at,
                    subject + " " + size + " bytes in the head of the encoding; chainwire supports at most "
                            + MAX_HEAD_SIZE);
        }
    }

    /** Returns the string member {@code key}, or {@code fallback} when it is missing. */
    private String string(JsonObject object, JsonPath path, String key, String fallback) throws AbiFormatException {
        JsonValue value = object.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof JsonString string)) {
            throw source.error(path.key(key), value, "\"" + key + "\" must be a string, found " + value.describe());
        }
        return string.value();
    }

    /** Returns the boolean member {@code key}, false when it is missing. */
    private boolean bool(JsonObject object, JsonPath path, String key) throws AbiFormatException {
        JsonValue value = object.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof JsonBoolean bool)) {
            throw source.error(
                    path.key(key), value, "\"" + key + "\" must be true or false, found " + value.describe());
        }
        return bool.value();
    }
}
