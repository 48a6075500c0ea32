package io.chainwire.maven.internal;

import java.util.List;

/**
 * The ABI files cannot be turned into classes: each problem names the file, where in it and what is wrong. All problems
 * of a run are collected so one build reports every bad file.
 */
public final class InvalidAbiInputException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The problems, one line each; never empty. */
    private final List<String> problems;

    /** Creates the exception for one or more problems. */
    public InvalidAbiInputException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, one line each, in file order. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid ABI input has at least one problem");
        }
        StringBuilder message = new StringBuilder(problems.size() == 1 ? "1 problem" : problems.size() + " problems")
                .append(" in ABI input:");
        problems.forEach(
                problem -> message.append(System.lineSeparator()).append("  ").append(problem));
        return message.toString();
    }
}
