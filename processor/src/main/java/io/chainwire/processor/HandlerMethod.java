package io.chainwire.processor;

import com.palantir.javapoet.ClassName;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * An abstract method of a handler interface, declared there or inherited, as messages name it and point at it.
 *
 * @param handler the handler interface
 * @param element the method
 */
record HandlerMethod(TypeElement handler, ExecutableElement element) {
    /**
     * Where to report a problem with the method: the method itself when the handler declares it, else the handler,
     * whose source file is the one being compiled.
     */
    Site site() {
        return Site.of(isInherited() ? handler : element);
    }

    /** Returns {@code onTransfer(Token.Transfer, EventContext)}, prefixed by its interface if inherited. */
    String describe() {
        String parameters = element.getParameters().stream()
                .map(parameter -> display(parameter.asType()))
                .collect(Collectors.joining(", ", "(", ")"));
        String name = element.getSimpleName() + parameters;
        return isInherited() ? "inherited " + element.getEnclosingElement().getSimpleName() + "." + name : name;
    }

    private boolean isInherited() {
        return !element.getEnclosingElement().equals(handler);
    }

    /** Nested simple names for classes ({@code Hello.MessageSent}), javac's rendering otherwise. */
    private static String display(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED
                || !((DeclaredType) type).getTypeArguments().isEmpty()) {
            return type.toString();
        }
        return String.join(
                ".",
                ClassName.get((TypeElement) ((DeclaredType) type).asElement()).simpleNames());
    }
}
