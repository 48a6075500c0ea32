package io.chainwire.processor;

import com.google.auto.service.AutoService;
import io.chainwire.annotation.ContractHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Generates a dispatcher for every interface annotated {@link ContractHandler}, after checking it against its contract
 * class. A handler whose contract class does not exist yet waits for the next round, since the class may be generated
 * in this one.
 *
 * <p>Isolating for Gradle: each dispatcher depends only on its handler interface and the types that interface names,
 * and has that interface as its one originating element.
 */
@AutoService(Processor.class)
public final class ContractHandlerProcessor extends AbstractProcessor {
    private final Set<String> waiting = new LinkedHashSet<>();
    private Reporter reporter;
    private HandlerStep step;

    /** Creates the processor; javac calls {@link #init} before use. */
    public ContractHandlerProcessor() {}

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new Reporter(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ContractHandler.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        reporter.guard(null, () -> processRound(round));
        return false;
    }

    private void processRound(RoundEnvironment round) {
        List<TypeElement> handlers = new ArrayList<>();
        waiting.forEach(name -> handlers.add(processingEnv.getElementUtils().getTypeElement(name)));
        handlers.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(ContractHandler.class)));
        waiting.clear();
        for (TypeElement handler : handlers) {
            reporter.guard(handler, () -> {
                if (!step().process(handler, round.processingOver())) {
                    waiting.add(handler.getQualifiedName().toString());
                }
            });
        }
    }

    /** Created on first use, so a compilation without handlers never needs chainwire's runtime types. */
    private HandlerStep step() {
        if (step == null) {
            step = new HandlerStep(processingEnv, reporter);
        }
        return step;
    }
}
