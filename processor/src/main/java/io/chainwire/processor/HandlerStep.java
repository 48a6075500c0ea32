package io.chainwire.processor;

import io.chainwire.annotation.ContractHandler;
import io.chainwire.codegen.java.DispatcherGenerator;
import java.util.Locale;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Takes one {@code @ContractHandler} type through the pipeline: find its contract class, validate, generate the
 * dispatcher, write it.
 */
final class HandlerStep {
    private final Types types;
    private final Reporter reporter;
    private final Annotations annotations;
    private final HandlerValidator validator;
    private final DispatcherGenerator generator = new DispatcherGenerator();
    private final SourceWriter writer;

    HandlerStep(ProcessingEnvironment env, Reporter reporter) {
        this.types = env.getTypeUtils();
        this.reporter = reporter;
        this.annotations = new Annotations(env.getElementUtils());
        this.validator = new HandlerValidator(env.getElementUtils(), types, reporter);
        this.writer = new SourceWriter(env.getFiler(), reporter);
    }

    /**
     * Processes {@code handler}.
     *
     * @param lastRound true in javac's final round, when no more classes can appear
     * @return false if its contract class does not exist yet: it may be generated in this round (by
     *     {@code @ContractAbi} or another processor), so the handler must wait for the next one
     */
    boolean process(TypeElement handler, boolean lastRound) {
        AnnotationMirror annotation =
                annotations.on(handler, ContractHandler.class).get(0);
        AnnotationValue value = annotations.value(annotation, "value");
        Site site = Site.of(handler, annotation, value);
        if (handler.getKind() != ElementKind.INTERFACE) {
            reporter.error(Message.HANDLER_NOT_INTERFACE, site, handler.getQualifiedName(), kind(handler.getKind()));
            return true;
        }
        if (!(value.getValue() instanceof TypeMirror contract) || contract.getKind() == TypeKind.ERROR) {
            if (!lastRound) {
                return false;
            }
            reporter.error(Message.CONTRACT_NOT_FOUND, site, handler.getQualifiedName());
            return true;
        }
        if (contract.getKind() != TypeKind.DECLARED) {
            reporter.error(Message.NOT_A_CONTRACT, site, contract);
            return true;
        }
        validator
                .validate(handler, (TypeElement) types.asElement(contract), site)
                .map(generator::generate)
                .ifPresent(file -> writer.write(file, handler, Site.of(handler)));
        return true;
    }

    private static String kind(ElementKind kind) {
        return switch (kind) {
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation interface";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
