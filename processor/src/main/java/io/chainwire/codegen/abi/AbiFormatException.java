package io.chainwire.codegen.abi;

/**
 * An ABI file that cannot be read: malformed JSON, an unknown shape, or an entry that breaks the Solidity ABI
 * specification or a chainwire limit.
 *
 * <p>The message reads {@code Source.json:12:7: abi[3].inputs[1].type: <reason>}, so build tools and editors can jump
 * to the offending value; the parts are also available one by one.
 */
public final class AbiFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param source the file name
     * @param location the JSON path of the offending value, {@code $} for the whole document
     * @param line the 1-based line of the offending value
     * @param column the 1-based column of the offending value
     * @param reason what is wrong and how to fix it
     */
    public AbiFormatException(String source, String location, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + location + ": " + reason);
        this.source = source;
        this.location = location;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** Returns the file name the ABI was read from. */
    public String source() {
        return source;
    }

    /**
     * Returns the JSON path of the offending value, for example {@code abi[3].inputs[1].type}, or {@code $} when the
     * problem concerns the whole document. Keys that are not identifiers are quoted:
     * {@code contracts["src/Token.sol:Token"].abi[2]}.
     */
    public String location() {
        return location;
    }

    /**
     * Returns the 1-based line of the offending value. For an ABI held as a JSON string inside solc
     * {@code --combined-json} output, the line within that string.
     */
    public int line() {
        return line;
    }

    /**
     * Returns the 1-based column of the offending value. For an ABI held as a JSON string inside solc
     * {@code --combined-json} output, the column within that string.
     */
    public int column() {
        return column;
    }

    /** Returns what is wrong and how to fix it, without the file and location. */
    public String reason() {
        return reason;
    }
}
