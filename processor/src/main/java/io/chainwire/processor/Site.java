package io.chainwire.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic points: an element, and optionally one of its annotations and one value of that annotation, so
 * javac can print the file and the line of the exact offending text.
 *
 * @param element the offending element
 * @param annotation the offending annotation on it, or null
 * @param value the offending value of that annotation, or null
 */
record Site(Element element, AnnotationMirror annotation, AnnotationValue value) {
    static Site of(Element element) {
        return new Site(element, null, null);
    }

    static Site of(Element element, AnnotationMirror annotation) {
        return new Site(element, annotation, null);
    }

    static Site of(Element element, AnnotationMirror annotation, AnnotationValue value) {
        return new Site(element, annotation, value);
    }
}
