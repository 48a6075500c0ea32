package io.chainwire.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads annotations as javac sees them, so diagnostics can point at an annotation and its values. */
final class Annotations {
    private final Elements elements;

    Annotations(Elements elements) {
        this.elements = elements;
    }

    /** Returns the annotations of type {@code annotation} written directly on {@code element}. */
    List<AnnotationMirror> on(Element element, Class<?> annotation) {
        return element.getAnnotationMirrors().stream()
                .filter(mirror -> isOfType(mirror, annotation))
                .map(AnnotationMirror.class::cast)
                .toList();
    }

    /** Returns the value of {@code name} in {@code mirror}, its default if it is not written. */
    AnnotationValue value(AnnotationMirror mirror, String name) {
        return elements.getElementValuesWithDefaults(mirror).entrySet().stream()
                .filter(entry -> entry.getKey().getSimpleName().contentEquals(name))
                .map(entry -> entry.getValue())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(mirror + " has no element " + name));
    }

    private static boolean isOfType(AnnotationMirror mirror, Class<?> annotation) {
        return ((TypeElement) mirror.getAnnotationType().asElement())
                .getQualifiedName()
                .contentEquals(annotation.getCanonicalName());
    }
}
