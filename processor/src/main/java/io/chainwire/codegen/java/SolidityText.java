package io.chainwire.codegen.java;

import io.chainwire.codegen.abi.AbiEvent;
import io.chainwire.codegen.abi.AbiParameter;
import io.chainwire.codegen.abi.AbiType;
import io.chainwire.codegen.abi.AbiType.ArrayType;
import io.chainwire.codegen.abi.AbiType.TupleType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Solidity declarations for generated Javadoc, built only from sanitised identifiers and canonical types so that no ABI
 * text can break out of a comment.
 */
final class SolidityText {
    private SolidityText() {}

    /**
     * Returns the event as Solidity declares it, for example {@code event Transfer(address indexed from, uint256
     * value)}.
     */
    static String declaration(AbiEvent event) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < event.inputs().size(); i++) {
            parameters.add(parameter(event.inputs().get(i), i));
        }
        return "event " + JavaNames.identifier(event.name(), "Event") + "(" + String.join(", ", parameters) + ")"
                + (event.anonymous() ? " anonymous" : "");
    }

    /** Returns input {@code index} as Solidity declares it, for example {@code address indexed from}. */
    static String parameter(AbiParameter parameter, int index) {
        return type(parameter.type())
                + (parameter.indexed() ? " indexed " : " ")
                + ContractNames.rawName(parameter, index);
    }

    /** Returns the type as Solidity source names it: the struct name for a tuple, when the ABI gives one. */
    static String type(AbiType type) {
        if (type instanceof ArrayType array) {
            return type(array.element()) + "[" + (array.isDynamicLength() ? "" : array.length()) + "]";
        }
        if (type instanceof TupleType tuple && tuple.qualifiedName() != null) {
            return Arrays.stream(tuple.qualifiedName().split("\\.", -1))
                    .map(part -> JavaNames.identifier(part, "_"))
                    .collect(Collectors.joining("."));
        }
        return type.canonical();
    }
}
