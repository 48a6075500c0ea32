package io.chainwire.processor;

import io.chainwire.abi.ContractEvent;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Recognises generated contract classes: a class holding a sealed interface {@code Event} that extends
 * {@link ContractEvent}, whose permitted subclasses are the contract's event records.
 */
final class ContractInspector {
    /** The name of the sealed event interface nested in every contract class. */
    private static final String EVENT_INTERFACE = "Event";

    private final Types types;
    private final TypeMirror contractEvent;

    ContractInspector(Elements elements, Types types) {
        this.types = types;
        this.contractEvent =
                elements.getTypeElement(ContractEvent.class.getCanonicalName()).asType();
    }

    /** Returns the events of {@code contract}, or empty if it is not a chainwire contract class. */
    Optional<ContractEvents> inspect(TypeElement contract) {
        return ElementFilter.typesIn(contract.getEnclosedElements()).stream()
                .filter(this::isEventInterface)
                .findFirst()
                .map(events -> new ContractEvents(contract, permittedTypes(events)));
    }

    /** Returns the contract whose event record {@code type} is, or empty if it is none's. */
    Optional<ContractEvents> contractOf(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        TypeElement record = (TypeElement) ((DeclaredType) type).asElement();
        Element enclosing = record.getEnclosingElement();
        if (!(enclosing instanceof TypeElement contract)) {
            return Optional.empty();
        }
        return inspect(contract).filter(events -> events.contains(record));
    }

    private boolean isEventInterface(TypeElement type) {
        return type.getKind() == ElementKind.INTERFACE
                && type.getSimpleName().contentEquals(EVENT_INTERFACE)
                && type.getModifiers().contains(Modifier.SEALED)
                && type.getInterfaces().stream().anyMatch(parent -> types.isSameType(parent, contractEvent));
    }

    private List<TypeElement> permittedTypes(TypeElement sealed) {
        return sealed.getPermittedSubclasses().stream()
                .map(permitted -> (TypeElement) types.asElement(permitted))
                .toList();
    }
}
