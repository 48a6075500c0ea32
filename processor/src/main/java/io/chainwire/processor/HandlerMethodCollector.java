package io.chainwire.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the methods a handler interface leaves for its dispatcher to implement: its abstract methods, declared or
 * inherited from superinterfaces. Default and static methods are the user's own code, and methods of {@link Object}
 * (such as {@code toString()}) are implemented already.
 */
final class HandlerMethodCollector {
    private final Elements elements;
    private final Types types;
    private final TypeElement object;

    HandlerMethodCollector(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.object = elements.getTypeElement(Object.class.getCanonicalName());
    }

    /**
     * Returns the abstract methods of {@code handler}: its own in declaration order, then those it inherits,
     * superinterface by superinterface (depth first, in {@code extends} order). A method inherited along two paths is
     * listed once.
     */
    List<ExecutableElement> abstractMethods(TypeElement handler) {
        Set<ExecutableElement> inherited =
                new LinkedHashSet<>(ElementFilter.methodsIn(elements.getAllMembers(handler)));
        DeclaredType handlerType = (DeclaredType) handler.asType();
        List<ExecutableElement> methods = new ArrayList<>();
        for (TypeElement type : hierarchy(handler)) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (inherited.contains(method)
                        && method.getModifiers().contains(Modifier.ABSTRACT)
                        && !isObjectMethod(method)
                        && methods.stream().noneMatch(seen -> sameSignature(handlerType, seen, method))) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    private List<TypeElement> hierarchy(TypeElement handler) {
        Set<TypeElement> visited = new LinkedHashSet<>();
        collect(handler, visited);
        return List.copyOf(visited);
    }

    private void collect(TypeElement type, Set<TypeElement> visited) {
        if (visited.add(type)) {
            for (TypeMirror parent : type.getInterfaces()) {
                collect((TypeElement) types.asElement(parent), visited);
            }
        }
    }

    private boolean sameSignature(DeclaredType in, ExecutableElement a, ExecutableElement b) {
        return a.getSimpleName().equals(b.getSimpleName())
                && types.isSubsignature(
                        (ExecutableType) types.asMemberOf(in, a), (ExecutableType) types.asMemberOf(in, b));
    }

    /** True for an interface method that redeclares a public method of Object, such as equals. */
    private boolean isObjectMethod(ExecutableElement method) {
        return ElementFilter.methodsIn(object.getEnclosedElements()).stream()
                .filter(candidate -> candidate.getModifiers().contains(Modifier.PUBLIC))
                .anyMatch(candidate -> sameErasedSignature(candidate, method));
    }

    private boolean sameErasedSignature(ExecutableElement a, ExecutableElement b) {
        if (!a.getSimpleName().equals(b.getSimpleName())
                || a.getParameters().size() != b.getParameters().size()) {
            return false;
        }
        for (int i = 0; i < a.getParameters().size(); i++) {
            if (!types.isSameType(
                    types.erasure(a.getParameters().get(i).asType()),
                    types.erasure(b.getParameters().get(i).asType()))) {
                return false;
            }
        }
        return true;
    }
}
