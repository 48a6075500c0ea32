package io.chainwire.processor;

import com.palantir.javapoet.ClassName;
import io.chainwire.codegen.java.DispatcherSpec;
import io.chainwire.handler.EventContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @ContractHandler} interface against its contract class and, when it is valid, describes its
 * dispatcher. Every problem is reported, not only the first.
 */
final class HandlerValidator {
    private final Types types;
    private final Reporter reporter;
    private final ContractInspector inspector;
    private final HandlerMethodCollector collector;
    private final TypeMirror eventContext;
    private final TypeMirror runtimeException;
    private final TypeMirror error;

    HandlerValidator(Elements elements, Types types, Reporter reporter) {
        this.types = types;
        this.reporter = reporter;
        this.inspector = new ContractInspector(elements, types);
        this.collector = new HandlerMethodCollector(elements, types);
        this.eventContext =
                elements.getTypeElement(EventContext.class.getCanonicalName()).asType();
        this.runtimeException = elements.getTypeElement(RuntimeException.class.getCanonicalName())
                .asType();
        this.error = elements.getTypeElement(Error.class.getCanonicalName()).asType();
    }

    /**
     * Validates {@code handler}, an interface, against {@code contract}, named at {@code site}.
     *
     * @return the dispatcher to generate, or empty after reporting why there is none
     */
    Optional<DispatcherSpec> validate(TypeElement handler, TypeElement contract, Site site) {
        int errorsBefore = reporter.errorCount();
        checkInterface(handler);
        Optional<ContractEvents> events = inspector.inspect(contract);
        if (events.isEmpty()) {
            reporter.error(Message.NOT_A_CONTRACT, site, contract.getQualifiedName());
            return Optional.empty();
        }
        List<DispatcherSpec.Route> routes = routes(handler, events.get());
        if (reporter.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new DispatcherSpec(
                ClassName.get(handler), ClassName.get(contract), dispatcherName(handler), isPublic(handler), routes));
    }

    /** {@code Outer.Inner} gets {@code Outer_InnerDispatcher}, in the same package. */
    private static ClassName dispatcherName(TypeElement handler) {
        ClassName name = ClassName.get(handler);
        return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + "Dispatcher");
    }

    private void checkInterface(TypeElement handler) {
        Site site = Site.of(handler);
        if (!isAccessible(handler)) {
            reporter.error(Message.HANDLER_NOT_ACCESSIBLE, site, handler.getQualifiedName());
        }
        if (handler.getModifiers().contains(Modifier.SEALED)) {
            reporter.error(Message.HANDLER_SEALED, site, handler.getQualifiedName());
        }
        if (!handler.getTypeParameters().isEmpty()) {
            reporter.error(
                    Message.HANDLER_GENERIC,
                    site,
                    handler.getQualifiedName(),
                    handler.getTypeParameters().stream()
                            .map(Element::getSimpleName)
                            .collect(Collectors.joining(", ", "<", ">")));
        }
    }

    private List<DispatcherSpec.Route> routes(TypeElement handler, ContractEvents events) {
        List<ExecutableElement> methods = collector.abstractMethods(handler);
        if (methods.isEmpty()) {
            reporter.error(
                    Message.NO_HANDLER_METHODS,
                    Site.of(handler),
                    handler.getQualifiedName(),
                    events.contract().getQualifiedName(),
                    events.routableEventNames());
        }
        List<DispatcherSpec.Route> routes = new ArrayList<>();
        Map<TypeElement, ExecutableElement> handled = new HashMap<>();
        for (ExecutableElement method : methods) {
            HandlerMethod checked = new HandlerMethod(handler, method);
            Optional<TypeElement> event = checkMethod(checked, events);
            if (event.isEmpty()) {
                continue;
            }
            ExecutableElement first = handled.putIfAbsent(event.get(), method);
            if (first != null) {
                reporter.error(
                        Message.DUPLICATE_EVENT,
                        checked.site(),
                        checked.describe(),
                        eventName(event.get()),
                        new HandlerMethod(handler, first).describe());
                continue;
            }
            routes.add(new DispatcherSpec.Route(
                    method.getSimpleName().toString(),
                    ClassName.get(event.get()),
                    ContractEvents.signature(event.get()).orElse(eventName(event.get())),
                    method.getParameters().size() == 2));
        }
        return routes;
    }

    /** Checks one handler method; returns the event it takes if it is fit to be called. */
    private Optional<TypeElement> checkMethod(HandlerMethod method, ContractEvents events) {
        ExecutableElement element = method.element();
        ExecutableType type = (ExecutableType)
                types.asMemberOf((DeclaredType) method.handler().asType(), element);
        int errorsBefore = reporter.errorCount();
        if (!element.getTypeParameters().isEmpty()) {
            reporter.error(Message.METHOD_GENERIC, method.site(), method.describe());
        }
        if (type.getReturnType().getKind() != TypeKind.VOID) {
            reporter.error(Message.METHOD_NOT_VOID, method.site(), method.describe(), type.getReturnType());
        }
        List<? extends TypeMirror> checked =
                type.getThrownTypes().stream().filter(this::isChecked).toList();
        if (!checked.isEmpty()) {
            reporter.error(Message.METHOD_THROWS_CHECKED, method.site(), method.describe(), checked);
        }
        List<? extends TypeMirror> parameters = type.getParameterTypes();
        if (parameters.isEmpty() || parameters.size() > 2) {
            reporter.error(Message.METHOD_ARITY, method.site(), method.describe(), parameters.size());
            return Optional.empty();
        }
        if (parameters.size() == 2 && !types.isSameType(parameters.get(1), eventContext)) {
            reporter.error(Message.METHOD_SECOND_PARAMETER, method.site(), method.describe(), parameters.get(1));
        }
        Optional<TypeElement> event = checkEvent(method, parameters.get(0), events);
        return reporter.errorCount() == errorsBefore ? event : Optional.empty();
    }

    private Optional<TypeElement> checkEvent(HandlerMethod method, TypeMirror parameter, ContractEvents events) {
        Optional<ContractEvents> owner = inspector.contractOf(parameter);
        if (owner.isEmpty()) {
            reporter.error(
                    Message.PARAMETER_NOT_EVENT,
                    method.site(),
                    method.describe(),
                    parameter,
                    events.contract().getQualifiedName(),
                    events.routableEventNames());
            return Optional.empty();
        }
        if (!owner.get().contract().equals(events.contract())) {
            reporter.error(
                    Message.PARAMETER_OTHER_CONTRACT,
                    method.site(),
                    method.describe(),
                    parameter,
                    owner.get().contract().getQualifiedName(),
                    events.contract().getQualifiedName());
            return Optional.empty();
        }
        TypeElement event = (TypeElement) types.asElement(parameter);
        if (ContractEvents.isAnonymous(event)) {
            reporter.error(Message.ANONYMOUS_EVENT, method.site(), method.describe(), eventName(event));
            return Optional.empty();
        }
        return Optional.of(event);
    }

    private boolean isChecked(TypeMirror thrown) {
        return !types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error);
    }

    private static String eventName(TypeElement event) {
        return event.getEnclosingElement().getSimpleName() + "." + event.getSimpleName();
    }

    /** The dispatcher lives in the handler's package, so no type on the way out may be private. */
    private static boolean isAccessible(TypeElement handler) {
        return outward(handler).noneMatch(type -> type.getModifiers().contains(Modifier.PRIVATE));
    }

    private static boolean isPublic(TypeElement handler) {
        return outward(handler).allMatch(type -> type.getModifiers().contains(Modifier.PUBLIC));
    }

    /** Returns the handler and the types enclosing it. */
    private static Stream<Element> outward(TypeElement handler) {
        return Stream.iterate(
                (Element) handler, type -> type.getKind() != ElementKind.PACKAGE, Element::getEnclosingElement);
    }
}
