package io.chainwire.processor;

import io.chainwire.annotation.ContractAbi;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;

/**
 * One {@code @ContractAbi} annotation: which ABI file to read, which contract in it, what to call the class, and where
 * the annotation is written.
 *
 * @param element the annotated package or type
 * @param annotation the annotation, also when it is one of several in {@code @ContractAbi.List}
 * @param path its {@code path}
 * @param name its {@code name}, empty for the contract's own name
 * @param contract its {@code contract}, empty when the file holds one contract
 */
record AbiRequest(Element element, AnnotationMirror annotation, String path, String name, String contract) {
    /** Returns the {@code @ContractAbi} annotations on {@code element}, repeated ones included, in source order. */
    static List<AbiRequest> on(Element element, Annotations annotations) {
        List<AbiRequest> requests = new ArrayList<>();
        for (AnnotationMirror list : annotations.on(element, ContractAbi.List.class)) {
            for (Object inner : (List<?>) annotations.value(list, "value").getValue()) {
                requests.add(of(element, (AnnotationMirror) ((AnnotationValue) inner).getValue(), annotations));
            }
        }
        for (AnnotationMirror single : annotations.on(element, ContractAbi.class)) {
            requests.add(of(element, single, annotations));
        }
        return requests;
    }

    private static AbiRequest of(Element element, AnnotationMirror annotation, Annotations annotations) {
        return new AbiRequest(
                element,
                annotation,
                (String) annotations.value(annotation, "path").getValue(),
                (String) annotations.value(annotation, "name").getValue(),
                (String) annotations.value(annotation, "contract").getValue());
    }

    /** Returns the package the class is generated in: the annotated one, or the annotated type's. */
    String packageName() {
        Element enclosing = element;
        while (enclosing.getKind() != ElementKind.PACKAGE) {
            enclosing = enclosing.getEnclosingElement();
        }
        return ((PackageElement) enclosing).getQualifiedName().toString();
    }

    /** Points at the whole annotation. */
    Site site() {
        return Site.of(element, annotation);
    }

    /** Points at the annotation's value {@code name}, for example {@code path}. */
    Site site(String value, Annotations annotations) {
        return Site.of(element, annotation, annotations.value(annotation, value));
    }

    /** Names the annotated element for messages: {@code package com.example} or {@code com.example.Contracts}. */
    String describeElement() {
        return element.getKind() == ElementKind.PACKAGE ? "package " + element : element.toString();
    }
}
