package io.chainwire.processor;

import com.google.auto.service.AutoService;
import io.chainwire.annotation.ContractAbi;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates a contract's event classes from the ABI file named by each {@link ContractAbi} on a package or type, with
 * the same generator as the Maven plugin, so one ABI gives the same source on either path. Supports the option
 * {@code -Achainwire.abiDirectory=<dir>}, a directory where relative ABI paths are looked up.
 *
 * <p>Aggregating for Gradle: whether a class may be generated depends on every other {@code @ContractAbi} in the
 * compilation (two must not generate the same class).
 */
@AutoService(Processor.class)
public final class ContractAbiProcessor extends AbstractProcessor {
    private Reporter reporter;
    private Annotations annotations;
    private AbiStep step;

    /** Creates the processor; javac calls {@link #init} before use. */
    public ContractAbiProcessor() {}

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new Reporter(env);
        annotations = new Annotations(env.getElementUtils());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ContractAbi.class.getCanonicalName(), ContractAbi.List.class.getCanonicalName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(AbiLocator.ABI_DIRECTORY);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> ignored, RoundEnvironment round) {
        reporter.guard(null, () -> {
            for (Element element :
                    round.getElementsAnnotatedWithAny(Set.of(ContractAbi.class, ContractAbi.List.class))) {
                for (AbiRequest request : AbiRequest.on(element, annotations)) {
                    reporter.guard(element, () -> step().process(request));
                }
            }
        });
        return false;
    }

    /** Created on first use, so a compilation without {@code @ContractAbi} never reads anything. */
    private AbiStep step() {
        if (step == null) {
            step = new AbiStep(processingEnv, reporter);
        }
        return step;
    }
}
