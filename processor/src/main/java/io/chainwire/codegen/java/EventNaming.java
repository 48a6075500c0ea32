package io.chainwire.codegen.java;

import io.chainwire.codegen.abi.AbiEvent;
import io.chainwire.codegen.abi.AbiParameter;
import io.chainwire.codegen.abi.AbiType;
import io.chainwire.codegen.abi.AbiType.AddressType;
import io.chainwire.codegen.abi.AbiType.ArrayType;
import io.chainwire.codegen.abi.AbiType.BoolType;
import io.chainwire.codegen.abi.AbiType.BytesType;
import io.chainwire.codegen.abi.AbiType.FixedBytesType;
import io.chainwire.codegen.abi.AbiType.FunctionType;
import io.chainwire.codegen.abi.AbiType.IntType;
import io.chainwire.codegen.abi.AbiType.StringType;
import io.chainwire.codegen.abi.AbiType.TupleType;
import io.chainwire.codegen.abi.AbiType.UintType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names event records. An event keeps its name unless another event shares it; overloads take a suffix from their
 * parameter types, and events that share the whole signature take one from their indexed layout. The result depends
 * only on the set of events, never on their order in the ABI.
 */
final class EventNaming {
    /** An event whose name is unique. */
    private static final int PLAIN = 0;
    /** An overload, named with its parameter types. */
    private static final int TYPED = 1;
    /** An overload whose signature another event shares, named with its indexed layout. */
    private static final int LAYOUT = 2;

    private EventNaming() {}

    /** Returns the record name of each event; no two are equal and none is a keyword or in {@code reserved}. */
    static Map<AbiEvent, String> name(List<AbiEvent> events, Set<String> reserved) {
        Map<String, Long> counts =
                events.stream().collect(Collectors.groupingBy(EventNaming::base, Collectors.counting()));
        Map<AbiEvent, Integer> levels = new HashMap<>();
        for (AbiEvent event : events) {
            levels.put(event, counts.get(base(event)) > 1 ? TYPED : PLAIN);
        }
        Map<String, Long> typedCounts =
                events.stream().collect(Collectors.groupingBy(e -> candidate(e, levels.get(e)), Collectors.counting()));
        for (AbiEvent event : events) {
            if (levels.get(event) == TYPED && typedCounts.get(candidate(event, TYPED)) > 1) {
                levels.put(event, LAYOUT);
            }
        }

        List<AbiEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing((AbiEvent e) -> levels.get(e)).thenComparing(AbiEvent::toString));
        return JavaNames.uniqueNames(ordered, e -> candidate(e, levels.get(e)), reserved, Set.of());
    }

    /**
     * Returns the token naming {@code type} in record and helper names, for example {@code Uint256} or
     * {@code AddressArray2}; {@code tupleToken} names tuples.
     */
    static String typeToken(AbiType type, Function<TupleType, String> tupleToken) {
        if (type instanceof UintType uint) {
            return "Uint" + uint.bits();
        } else if (type instanceof IntType integer) {
            return "Int" + integer.bits();
        } else if (type instanceof AddressType) {
            return "Address";
        } else if (type instanceof BoolType) {
            return "Bool";
        } else if (type instanceof FixedBytesType fixed) {
            return "Bytes" + fixed.size();
        } else if (type instanceof FunctionType) {
            return "Function";
        } else if (type instanceof BytesType) {
            return "Bytes";
        } else if (type instanceof StringType) {
            return "String";
        } else if (type instanceof ArrayType array) {
            return typeToken(array.element(), tupleToken) + "Array" + (array.isDynamicLength() ? "" : array.length());
        }
        return tupleToken.apply((TupleType) type);
    }

    private static String base(AbiEvent event) {
        return JavaNames.identifier(event.name(), "Event");
    }

    private static String candidate(AbiEvent event, int level) {
        return switch (level) {
            case PLAIN -> base(event);
            case TYPED -> base(event) + typeSuffix(event);
            default -> base(event) + (event.anonymous() ? "Anonymous" : "") + layoutSuffix(event);
        };
    }

    /** Returns the parameter types as tokens: {@code AddressAddressUint256}. */
    private static String typeSuffix(AbiEvent event) {
        return event.inputs().stream()
                .map(p -> typeToken(p.type(), EventNaming::structToken))
                .collect(Collectors.joining());
    }

    private static String structToken(TupleType tuple) {
        return JavaNames.identifier(tuple.structName(), "Tuple");
    }

    /** Returns {@code Indexed} and the capitalised names of the indexed parameters, or {@code Unindexed}. */
    private static String layoutSuffix(AbiEvent event) {
        StringBuilder out = new StringBuilder();
        List<AbiParameter> inputs = event.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).indexed()) {
                out.append(JavaNames.capitalize(ContractNames.strip(ContractNames.rawName(inputs.get(i), i))));
            }
        }
        return out.length() == 0 ? "Unindexed" : "Indexed" + out;
    }
}
