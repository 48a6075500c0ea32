package io.chainwire.codegen.abi.internal;

/**
 * The location of a value in a JSON document, rendered like {@code abi[3].inputs[1].type} or
 * {@code contracts["src/Token.sol:Token"].abi[2]}; the document itself renders as {@code $}.
 */
public final class JsonPath {
    private static final JsonPath ROOT = new JsonPath("");

    private final String text;

    private JsonPath(String text) {
        this.text = text;
    }

    /** Returns the path of the whole document. */
    public static JsonPath root() {
        return ROOT;
    }

    /** Returns the path of member {@code key} of the object at this path. */
    public JsonPath key(String key) {
        if (!SolidityNames.isIdentifier(key)) {
            return new JsonPath(text + "[" + Quotes.quote(key) + "]");
        }
        return new JsonPath(text.isEmpty() ? key : text + "." + key);
    }

    /** Returns the path of element {@code index} of the array at this path. */
    public JsonPath index(int index) {
        return new JsonPath(text + "[" + index + "]");
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "$" : text;
    }
}
