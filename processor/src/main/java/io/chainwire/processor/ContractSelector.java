package io.chainwire.processor;

import io.chainwire.codegen.abi.AbiContract;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * Picks the contract a {@code @ContractAbi} asks for from the contracts of its file, and the name
 * of the class to generate for it.
 */
final class ContractSelector {
  /**
   * Identifiers no contract class may take: those Java reserves for type names although they are
   * not keywords, and the names of the types nested in every contract class.
   */
  private static final Set<String> RESERVED_NAMES = Set.of("var", "yield", "record", "sealed", "permits", "Event", "Filter");

  private final Reporter reporter;
  private final Annotations annotations;

  ContractSelector(Reporter reporter, Annotations annotations) {
    this.reporter = reporter;
    this.annotations = annotations;
  }

  /**
   * Returns the contract {@code request} selects from {@code contracts}, read from {@code file},
   * or empty after reporting why there is none.
   */
  Optional<AbiContract> select(AbiRequest request, String file, List<AbiContract> contracts) {
    if (contracts.isEmpty()) {
      reporter.error(Message.ABI_NO_CONTRACT, request.site(), file);
      return Optional.empty();
    }
    if (request.contract().isEmpty()) {
      if (contracts.size() == 1) {
        return Optional.of(contracts.get(0));
      }
      reporter.error(Message.ABI_CONTRACT_REQUIRED, request.site(), file, contracts.size(), names(contracts));
      return Optional.empty();
    }
    Optional<AbiContract> selected =
        contracts.stream().filter(contract -> contract.name().equals(request.contract())).findFirst();
    if (selected.isEmpty()) {
      reporter.error(
          Message.ABI_UNKNOWN_CONTRACT,
          request.site("contract", annotations),
          file,
          request.contract(),
          names(contracts));
    }
    return selected;
  }

  /** Returns the simple name of the class to generate, or empty after reporting that it cannot name one. */
  Optional<String> className(AbiRequest request, String file, AbiContract contract) {
    if (!request.name().isEmpty()) {
      return checkName(request.name(), "set by name", request.site("name", annotations));
    }
    return checkName(contract.name(), "taken from the contract name in " + file, request.site());
  }

  private Optional<String> checkName(String name, String origin, Site site) {
    if (SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && !RESERVED_NAMES.contains(name)) {
      return Optional.of(name);
    }
    reporter.error(Message.ABI_INVALID_NAME, site, name, origin);
    return Optional.empty();
  }

  private static String names(List<AbiContract> contracts) {
    return contracts.stream().map(AbiContract::name).collect(Collectors.joining(", "));
  }
}
