package io.chainwire.codegen.java;

/**
 * Names the class generated for a contract. The Maven plugin and the annotation processor both ask here, so one ABI
 * gives one class name, and one source, on either path.
 *
 * <p>A class named after its contract (the artifact's {@code contractName}, the key of solc combined JSON, else the
 * file name) takes that name with every run of characters other than ASCII letters, digits and {@code _} dropped and
 * the character after it capitalised, and its first character capitalised: {@code my-token} gives {@code MyToken},
 * {@code uniswap v3.pool} gives {@code UniswapV3Pool}. A leading digit gets {@code _} in front ({@code 1inch} gives
 * {@code _1inch}). {@code Event} and {@code Filter}, which name types nested in every contract class (and Java forbids
 * a class to share a nested type's name), get {@code Contract} appended: {@code EventContract}, {@code FilterContract}.
 * A name that only shadows a {@code java.lang} type, such as {@code Object} or {@code Record}, is kept; the generated
 * code qualifies the shadowed type. A contract name that leaves nothing usable ({@code ---}, or {@code _}, which Java
 * reserves) gives no name.
 *
 * <p>A name chosen by the user is taken as it is, or rejected: it must be a Java identifier of ASCII letters, digits,
 * {@code _} and {@code $}, not a keyword or a name Java reserves ({@code var}, {@code record}, ...), and neither
 * {@code Event} nor {@code Filter}.
 */
public final class ContractClassNaming {
    /** Appended to a contract name that names a nested type. */
    private static final String NESTED_TYPE_SUFFIX = "Contract";

    private ContractClassNaming() {}

    /**
     * Returns the name of the class generated for the contract {@code contractName}, or the problem that leaves none.
     */
    public static Result forContract(String contractName) {
        String name = plainName(contractName);
        if (name.isEmpty()) {
            return new Rejected("contract name \"" + contractName + "\" has no characters usable in a Java class name");
        }
        if (JavaNames.isReserved(name)) {
            return new Rejected("contract name \"" + contractName + "\" gives the class name \"" + name
                    + "\", which Java reserves");
        }
        return new Named(ContractNames.NESTED_TYPES.contains(name) ? name + NESTED_TYPE_SUFFIX : name);
    }

    /**
     * Returns the name the rule gives {@code contractName} before {@code Contract} is appended to the name of a nested
     * type: {@code Event} for {@code event}. Empty if nothing is usable.
     */
    static String plainName(String contractName) {
        StringBuilder name = new StringBuilder(contractName.length() + 1);
        boolean capitalizeNext = true;
        for (char c : contractName.toCharArray()) {
            if (isNamePart(c)) {
                name.append(capitalizeNext ? Character.toUpperCase(c) : c);
                capitalizeNext = false;
            } else {
                capitalizeNext = true;
            }
        }
        if (name.length() > 0 && Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }

    /** Returns {@code name} if it can name a contract class, or the problem with it. */
    public static Result forChosenName(String name) {
        if (name.isEmpty()) {
            return new Rejected("the class name is empty");
        }
        if (!JavaNames.identifier(name, "").equals(name)) {
            return new Rejected(
                    "the class name \"" + name + "\" is not a Java identifier of ASCII letters, digits, _ and $"
                            + " that does not start with a digit");
        }
        if (JavaNames.isReserved(name)) {
            return new Rejected("the class name \"" + name + "\" is reserved by Java");
        }
        if (ContractNames.NESTED_TYPES.contains(name)) {
            return new Rejected("the class name \"" + name + "\" names a type nested in every contract class, and Java"
                    + " forbids a class to share the name of a type it holds");
        }
        return new Named(name);
    }

    /** Characters kept from a contract name: ASCII letters, digits and {@code _}, so that file names are portable. */
    private static boolean isNamePart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** A class name, or the problem that leaves none. */
    public sealed interface Result permits Named, Rejected {}

    /**
     * A name a contract class can take.
     *
     * @param simpleName the class's simple name
     */
    public record Named(String simpleName) implements Result {}

    /**
     * No name: the contract name or chosen name cannot name a contract class.
     *
     * @param problem what is wrong, as a clause without a final period, such as {@code the class name "Event" names a
     *     type nested in every contract class, ...}
     */
    public record Rejected(String problem) implements Result {}
}
