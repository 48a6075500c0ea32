package io.chainwire.processor;

import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints the catalogue's messages as javac errors (or notes) at their {@link Site}, and turns unexpected exceptions
 * into errors so none escapes to javac.
 */
final class Reporter {
    private final Messager messager;
    private final Optional<Trees> trees;
    private final Optional<RepeatedAnnotationPositions> repeated;
    private int errors;

    Reporter(ProcessingEnvironment env) {
        this.messager = env.getMessager();
        this.trees = JavacTrees.of(env);
        this.repeated = trees.map(RepeatedAnnotationPositions::new);
    }

    /** Prints {@code message} formatted with {@code args} as an error at {@code site}. */
    void error(Message message, Site site, Object... args) {
        errors++;
        print(Diagnostic.Kind.ERROR, message.format(args), site);
    }

    /** Prints {@code message} formatted with {@code args} as a note at {@code site}; a note fails no build. */
    void note(Message message, Site site, Object... args) {
        print(Diagnostic.Kind.NOTE, message.format(args), site);
    }

    private void print(Diagnostic.Kind kind, String text, Site site) {
        Optional<RepeatedAnnotationPositions.Position> position = repeated.flatMap(positions -> positions.find(site));
        if (position.isPresent()) {
            trees.orElseThrow()
                    .printMessage(
                            kind, text, position.get().tree(), position.get().file());
        } else {
            messager.printMessage(kind, text, site.element(), site.annotation(), site.value());
        }
    }

    /** Returns how many errors this reporter has printed, to tell whether a step found any. */
    int errorCount() {
        return errors;
    }

    /**
     * Runs {@code step} for {@code element}; an exception it throws becomes an error on {@code element}, or an error
     * without position when {@code element} is null (a whole round).
     */
    void guard(Element element, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error failure) {
            error(
                    Message.UNEXPECTED_FAILURE,
                    Site.of(element),
                    element == null ? "this round" : element,
                    stackTrace(failure));
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
