package io.chainwire.maven.internal;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * Turns ABI subdirectory names into Java package names, the same way on every machine. Classes are named by
 * {@link io.chainwire.codegen.java.ContractClassNaming}, as the annotation processor names them.
 */
public final class PackageNames {
    private PackageNames() {}

    /** Returns whether {@code name} is a valid package name, such as {@code com.example.contracts}. */
    public static boolean isPackageName(String name) {
        return SourceVersion.isName(name, SourceVersion.RELEASE_17);
    }

    /**
     * Returns the package segment for a directory name: lower-cased, each character other than ASCII letters, digits
     * and {@code _} replaced by {@code _}, a {@code _} prefix before a leading digit and a {@code _} suffix after a
     * Java keyword ({@code ERC-721} gives {@code erc_721}). Lower case keeps a package from clashing with a class of
     * the same name.
     */
    public static String packageSegment(String directoryName) {
        StringBuilder segment = new StringBuilder(directoryName.length());
        directoryName
                .toLowerCase(Locale.ROOT)
                .codePoints()
                .forEach(c -> segment.appendCodePoint(isNamePart(c) ? c : '_'));
        if (segment.length() == 0 || Character.isDigit(segment.charAt(0))) {
            segment.insert(0, '_');
        }
        String result = segment.toString();
        return SourceVersion.isKeyword(result, SourceVersion.RELEASE_17) ? result + "_" : result;
    }

    /** Characters kept in package names: ASCII letters, digits and {@code _}, so directory names are portable. */
    private static boolean isNamePart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
