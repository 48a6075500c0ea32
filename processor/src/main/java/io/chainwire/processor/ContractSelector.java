package io.chainwire.processor;

import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.java.ContractClassNaming;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Picks the contract a {@code @ContractAbi} asks for from the contracts of its file, and the name of the class to
 * generate for it.
 */
final class ContractSelector {
    private final Reporter reporter;
    private final Annotations annotations;

    ContractSelector(Reporter reporter, Annotations annotations) {
        this.reporter = reporter;
        this.annotations = annotations;
    }

    /**
     * Returns the contract {@code request} selects from {@code contracts}, read from {@code file}, or empty after
     * reporting why there is none.
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
        Optional<AbiContract> selected = contracts.stream()
                .filter(contract -> contract.name().equals(request.contract()))
                .findFirst();
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

    /**
     * Returns the simple name of the class to generate: the one set by {@code name}, else the one
     * {@link ContractClassNaming} gives the contract; or empty after reporting that there is none.
     */
    Optional<String> className(AbiRequest request, String file, AbiContract contract) {
        if (!request.name().isEmpty()) {
            return named(
                    ContractClassNaming.forChosenName(request.name()),
                    problem -> reporter.error(Message.ABI_INVALID_NAME, request.site("name", annotations), problem));
        }
        return named(
                ContractClassNaming.forContract(contract.name()),
                problem -> reporter.error(Message.ABI_UNNAMED_CONTRACT, request.site(), file, problem));
    }

    private static Optional<String> named(ContractClassNaming.Result result, Consumer<String> reportProblem) {
        if (result instanceof ContractClassNaming.Rejected rejected) {
            reportProblem.accept(rejected.problem());
            return Optional.empty();
        }
        return Optional.of(((ContractClassNaming.Named) result).simpleName());
    }

    private static String names(List<AbiContract> contracts) {
        return contracts.stream().map(AbiContract::name).collect(Collectors.joining(", "));
    }
}
