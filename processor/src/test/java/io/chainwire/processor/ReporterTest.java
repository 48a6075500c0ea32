package io.chainwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** An exception inside a processing step never escapes to javac: it becomes an error with its stack trace. */
final class ReporterTest {
    /** Fails while processing every root type, as a processor bug would. */
    private static final class FailingProcessor extends AbstractProcessor {
        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            Reporter reporter = new Reporter(processingEnv);
            for (var root : round.getRootElements()) {
                reporter.guard(root, () -> {
                    throw new IllegalStateException("bug in a step");
                });
            }
            reporter.guard(null, () -> {
                throw new IllegalArgumentException("bug in the round");
            });
            return false;
        }
    }

    @Test
    void turnsAnUnexpectedExceptionIntoAnErrorWithTheStackTrace() {
        JavaFileObject source =
                JavaFileObjects.forSourceLines("test.Victim", "package test;", "", "final class Victim {}");
        Compilation compilation = javac().withProcessors(new FailingProcessor()).compile(source);
        assertThat(compilation)
                .hadErrorContaining(
                        "the chainwire processor failed unexpectedly on test.Victim. This is a bug in chainwire;"
                                + " please report it with this stack trace:")
                .inFile(source)
                .onLineContaining("final class Victim");
        assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: bug in a step");
        assertThat(compilation).hadErrorContaining("at io.chainwire.processor.ReporterTest$FailingProcessor");
        assertThat(compilation).hadErrorContaining("the chainwire processor failed unexpectedly on this round.");
        assertThat(compilation).hadErrorContaining("java.lang.IllegalArgumentException: bug in the round");
    }
}
