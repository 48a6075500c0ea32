package io.chainwire.maven.internal;

import java.util.Locale;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * Turns contract names and ABI subdirectory names into Java type and package names, the same way
 * on every machine.
 */
public final class ContractClassNames {
  private ContractClassNames() {}

  /** Returns whether {@code name} is a valid package name, such as {@code com.example.contracts}. */
  public static boolean isPackageName(String name) {
    return SourceVersion.isName(name, SourceVersion.RELEASE_17);
  }

  /**
   * Returns the class name for a contract: every run of characters other than ASCII letters,
   * digits and {@code _} is dropped and the letter after it capitalised ({@code my-token} gives
   * {@code MyToken}), the first letter is capitalised, and a leading digit gets a {@code _} prefix.
   * Empty when no usable character is left.
   */
  public static Optional<String> typeName(String contractName) {
    StringBuilder name = new StringBuilder(contractName.length());
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
    String result = name.toString();
    return SourceVersion.isName(result, SourceVersion.RELEASE_17)
        ? Optional.of(result)
        : Optional.empty();
  }

  /**
   * Returns the package segment for a directory name: lower-cased, each character other than
   * ASCII letters, digits and {@code _} replaced by {@code _}, a {@code _} prefix before a leading
   * digit and a {@code _} suffix after a Java keyword ({@code ERC-721} gives {@code erc_721}).
   * Lower case keeps a package from clashing with a class of the same name.
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

  /**
   * Characters kept in names: ASCII letters, digits and {@code _}, so file names are portable.
   * {@code $} is legal in Java but marks nested classes.
   */
  private static boolean isNamePart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
