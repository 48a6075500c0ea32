package io.chainwire.codegen.java;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns ABI names into Java identifiers that compile wherever generated code puts them. */
final class JavaNames {
    /**
     * Keywords, literals, {@code _}, and the contextual keywords that cannot name a type ({@code var}, {@code yield},
     * {@code record}, {@code sealed}, {@code permits}); the last are escaped for every kind of name, so that one
     * parameter has one Java name throughout. Module-declaration words ({@code to}, {@code with}) are ordinary
     * identifiers here.
     */
    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "_",
            "var",
            "yield",
            "record",
            "sealed",
            "permits");

    /**
     * Names a record component may not take (JLS 8.10.1) or should not take because they read as {@code Object}'s
     * methods.
     */
    static final Set<String> OBJECT_METHODS =
            Set.of("clone", "equals", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    private JavaNames() {}

    /**
     * Returns {@code raw} with every character other than ASCII letters, digits, {@code _} and {@code $} replaced by
     * {@code _}, and {@code _} in front if it starts with a digit; {@code fallback} if it is empty. Solidity
     * identifiers pass through unchanged.
     */
    static String identifier(String raw, String fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        StringBuilder out = new StringBuilder(raw.length() + 1);
        if (raw.charAt(0) >= '0' && raw.charAt(0) <= '9') {
            out.append('_');
        }
        raw.codePoints().forEach(c -> out.append(isAsciiIdentifierPart(c) ? (char) c : '_'));
        return out.toString();
    }

    private static boolean isAsciiIdentifierPart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    }

    /** Returns {@code name} with its first character in upper case. */
    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Returns whether {@code name} is a Java keyword or literal, {@code _}, or a contextual keyword that cannot name a
     * type.
     */
    static boolean isReserved(String name) {
        return KEYWORDS.contains(name);
    }

    /**
     * Appends {@code _} to {@code name} while it is a Java keyword, one of {@code reserved}, or already {@code taken}.
     */
    static String escape(String name, Collection<String> reserved, Collection<String> taken) {
        String escaped = name;
        while (isReserved(escaped) || reserved.contains(escaped) || taken.contains(escaped)) {
            escaped = escaped + "_";
        }
        return escaped;
    }

    /**
     * Gives each of {@code items}, in the order given, its candidate name escaped against keywords, {@code reserved},
     * {@code taken} and the names given before it; returns the names in alphabetical order.
     */
    static <T> Map<T, String> uniqueNames(
            List<T> items, Function<T, String> candidate, Collection<String> reserved, Collection<String> taken) {
        Set<String> used = new HashSet<>(taken);
        Map<String, T> byName = new TreeMap<>();
        for (T item : items) {
            String name = escape(candidate.apply(item), reserved, used);
            used.add(name);
            byName.put(name, item);
        }
        Map<T, String> names = new LinkedHashMap<>();
        byName.forEach((name, item) -> names.put(item, name));
        return names;
    }
}
