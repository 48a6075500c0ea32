package io.chainwire.codegen.abi.internal;

import java.util.regex.Pattern;

/** Solidity identifiers and the struct names that {@code internalType} carries. */
public final class SolidityNames {
    private static final String IDENTIFIER_SYNTAX = "[A-Za-z_$][A-Za-z0-9_$]*";
    private static final Pattern IDENTIFIER = Pattern.compile(IDENTIFIER_SYNTAX);
    private static final Pattern QUALIFIED = Pattern.compile(IDENTIFIER_SYNTAX + "(\\." + IDENTIFIER_SYNTAX + ")*");
    private static final Pattern ARRAY_SUFFIXES = Pattern.compile("(\\[[0-9]*])+$");
    private static final String STRUCT_PREFIX = "struct ";

    private SolidityNames() {}

    /**
     * Returns true if {@code name} is a Solidity identifier: letters, digits, {@code _}, {@code $}, not starting with a
     * digit.
     */
    public static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /**
     * Returns the qualified struct name in an {@code internalType} such as {@code struct Market.Order[2][]}
     * ({@code Market.Order}), or null when {@code internalType} does not name a struct.
     *
     * @throws IllegalArgumentException with the reason, when it starts with {@code struct } but no valid name follows
     */
    static String qualifiedStructName(String internalType) {
        if (!internalType.startsWith(STRUCT_PREFIX)) {
            return null;
        }
        String name = ARRAY_SUFFIXES
                .matcher(internalType.substring(STRUCT_PREFIX.length()))
                .replaceFirst("");
        if (!QUALIFIED.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "internalType " + Quotes.quote(internalType)
                            + " does not name a struct: expected \"struct Name\" or \"struct Contract.Name\", optionally followed by array suffixes");
        }
        return name;
    }

    /** Returns the last segment of a qualified name: {@code Order} for {@code Market.Order}. */
    static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
