package io.chainwire.processor;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * A generated contract class and its event records.
 *
 * @param contract the contract class
 * @param events the records its sealed {@code Event} interface permits, in declaration order
 */
record ContractEvents(TypeElement contract, List<TypeElement> events) {
    /** The constant holding an event's topic 0; generated classes omit it for anonymous events. */
    private static final String TOPIC0 = "TOPIC0";

    /** The constant holding an event's canonical signature. */
    private static final String SIGNATURE = "SIGNATURE";

    ContractEvents {
        events = List.copyOf(events);
    }

    boolean contains(TypeElement event) {
        return events.contains(event);
    }

    /** Returns true if {@code event} has no topic 0, so only its emitter's context can identify it. */
    static boolean isAnonymous(TypeElement event) {
        return constant(event, TOPIC0).isEmpty();
    }

    /** Returns the event's canonical signature, or empty if the class does not state it as a constant. */
    static Optional<String> signature(TypeElement event) {
        return constant(event, SIGNATURE)
                .map(VariableElement::getConstantValue)
                .filter(String.class::isInstance)
                .map(String.class::cast);
    }

    /**
     * Returns the events a handler method may take, for messages: {@code Hello.MessageSent, Hello.Ping}. Anonymous
     * events are left out, as no dispatcher can route them.
     */
    String routableEventNames() {
        List<String> names = events.stream()
                .filter(event -> !isAnonymous(event))
                .map(event -> contract.getSimpleName() + "." + event.getSimpleName())
                .toList();
        return names.isEmpty() ? "none, all its events are anonymous" : String.join(", ", names);
    }

    private static Optional<VariableElement> constant(TypeElement event, String name) {
        return ElementFilter.fieldsIn(event.getEnclosedElements()).stream()
                .filter(field -> field.getSimpleName().contentEquals(name))
                .filter(field -> field.getModifiers().contains(Modifier.STATIC))
                .findFirst();
    }
}
