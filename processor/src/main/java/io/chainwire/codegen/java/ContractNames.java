package io.chainwire.codegen.java;

import com.palantir.javapoet.ClassName;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiEvent;
import io.chainwire.codegen.abi.AbiParameter;
import io.chainwire.codegen.abi.AbiType;
import io.chainwire.codegen.abi.AbiType.ArrayType;
import io.chainwire.codegen.abi.AbiType.TupleType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every Java name in one contract's class: event records, struct records, decode helpers and record components, chosen
 * once so that every writer agrees. The rules are described on {@link ContractClassGenerator}; none depends on the
 * order of the ABI's entries.
 */
final class ContractNames {
    /** Nested type names the generated class itself uses. */
    static final Set<String> NESTED_TYPES = Set.of("Event", "Filter");

    /**
     * Names an event record component must not take: the record's own members, the {@code Filter}'s {@code build}, and
     * the runtime types its code names as qualifiers (a field of that name would obscure them).
     */
    private static final Set<String> EVENT_MEMBERS = Stream.concat(
                    JavaNames.OBJECT_METHODS.stream(),
                    Stream.of(
                            "SIGNATURE",
                            "TOPIC0",
                            "matches",
                            "decode",
                            "filter",
                            "meta",
                            "build",
                            "AbiDecoder",
                            "Hash",
                            "Topics",
                            "TopicFilter"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Comparator<AbiType> BY_CANONICAL =
            Comparator.comparing(AbiType::canonical).thenComparing(AbiType::toString);

    private final ClassName contractClass;
    private final List<AbiEvent> events;
    private final Map<AbiEvent, ClassName> eventClasses;
    private final Map<TupleType, ClassName> structClasses;
    private final Map<TupleType, String> structOrigins;
    private final Map<AbiType, String> helpers;
    private final Map<AbiEvent, List<String>> eventComponents = new HashMap<>();
    private final Map<TupleType, List<String>> structMembers = new HashMap<>();

    private ContractNames(AbiContract contract, ClassName contractClass) {
        this.contractClass = contractClass;
        this.events = contract.events().stream().distinct().toList();
        Set<String> reservedTypes = new HashSet<>(NESTED_TYPES);
        reservedTypes.add(contractClass.simpleName());

        Map<AbiEvent, String> eventNames = EventNaming.name(events, reservedTypes);
        this.eventClasses = new HashMap<>();
        eventNames.forEach((event, name) -> eventClasses.put(event, contractClass.nestedClass(name)));

        Map<TupleType, TreeSet<String>> tupleUses = collectTuples(events);
        this.structOrigins = new HashMap<>();
        tupleUses.forEach((tuple, uses) -> structOrigins.put(tuple, uses.first()));
        Set<String> taken = new HashSet<>(eventNames.values());
        this.structClasses = new LinkedHashMap<>();
        nameStructs(tupleUses, reservedTypes, taken)
                .forEach((tuple, name) -> structClasses.put(tuple, contractClass.nestedClass(name)));

        this.helpers = nameHelpers(events);
    }

    /** Plans the names for {@code contract} generated as {@code contractClass}. */
    static ContractNames plan(AbiContract contract, ClassName contractClass) {
        return new ContractNames(contract, contractClass);
    }

    /** Returns the contract class. */
    ClassName contractClass() {
        return contractClass;
    }

    /** Returns the events, in ABI order, with exact duplicates dropped. */
    List<AbiEvent> events() {
        return events;
    }

    /** Returns the record of {@code event}. */
    ClassName eventClass(AbiEvent event) {
        return eventClasses.get(event);
    }

    /** Returns every struct's record class, in order of simple name. */
    Map<TupleType, ClassName> structs() {
        return structClasses;
    }

    /** Returns the record of {@code tuple}. */
    ClassName structClass(TupleType tuple) {
        return structClasses.get(tuple);
    }

    /**
     * Returns the name of a parameter that holds {@code tuple} (itself or in an array), the smallest one if several do;
     * the record of a tuple without a struct name is named from it.
     */
    String structOrigin(TupleType tuple) {
        return structOrigins.get(tuple);
    }

    /** Returns the decode helper of every tuple and array type that event data holds, in order of name. */
    Map<AbiType, String> helpers() {
        return helpers;
    }

    /** Returns the decode helper of {@code type}, a tuple or array held in event data. */
    String helper(AbiType type) {
        return helpers.get(type);
    }

    /** Returns the record component names of {@code event}, one per input, in input order. */
    List<String> components(AbiEvent event) {
        Set<String> reserved = new HashSet<>(EVENT_MEMBERS);
        reserved.addAll(helpers.values());
        return eventComponents.computeIfAbsent(event, e -> componentNames(e.inputs(), reserved));
    }

    /** Returns the record component names of {@code tuple}, one per member, in member order. */
    List<String> members(TupleType tuple) {
        return structMembers.computeIfAbsent(tuple, t -> componentNames(t.components(), JavaNames.OBJECT_METHODS));
    }

    /** Returns the Java name of input {@code index} before escaping: its ABI name, or {@code arg<index>}. */
    static String rawName(AbiParameter parameter, int index) {
        return JavaNames.identifier(parameter.name(), "arg" + index);
    }

    private static List<String> componentNames(List<AbiParameter> parameters, Set<String> reserved) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            names.add(JavaNames.escape(rawName(parameters.get(i), i), reserved, names));
        }
        return List.copyOf(names);
    }

    /** Maps each tuple type in the events (at any depth) to the names of the parameters holding it. */
    private static Map<TupleType, TreeSet<String>> collectTuples(List<AbiEvent> events) {
        Map<TupleType, TreeSet<String>> uses = new HashMap<>();
        for (AbiEvent event : events) {
            collectTuples(event.inputs(), uses);
        }
        return uses;
    }

    private static void collectTuples(List<AbiParameter> parameters, Map<TupleType, TreeSet<String>> uses) {
        for (int i = 0; i < parameters.size(); i++) {
            AbiType type = parameters.get(i).type();
            while (type instanceof ArrayType array) {
                type = array.element();
            }
            if (type instanceof TupleType tuple) {
                uses.computeIfAbsent(tuple, t -> new TreeSet<>()).add(rawName(parameters.get(i), i));
                collectTuples(tuple.components(), uses);
            }
        }
    }

    /**
     * Names each tuple's record: its struct name; on a clash between layouts, the qualified struct name without dots;
     * without a struct name, the capitalised parameter name plus {@code Tuple}; plus {@code Struct} when that names an
     * event or a reserved type.
     */
    private static Map<TupleType, String> nameStructs(
            Map<TupleType, TreeSet<String>> uses, Set<String> reservedTypes, Set<String> taken) {
        Map<TupleType, String> base = new HashMap<>();
        uses.forEach((tuple, names) -> base.put(
                tuple,
                tuple.structName() != null
                        ? JavaNames.identifier(tuple.structName(), "Tuple")
                        : JavaNames.capitalize(strip(names.first())) + "Tuple"));
        Map<String, Long> baseCounts =
                base.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        Map<TupleType, String> candidates = new HashMap<>();
        base.forEach((tuple, name) -> {
            String candidate = baseCounts.get(name) > 1 && tuple.qualifiedName() != null
                    ? JavaNames.identifier(tuple.qualifiedName().replace(".", ""), name)
                    : name;
            boolean clashes = taken.contains(candidate) || reservedTypes.contains(candidate);
            candidates.put(tuple, clashes ? candidate + "Struct" : candidate);
        });

        List<TupleType> ordered = new ArrayList<>(candidates.keySet());
        ordered.sort(Comparator.comparing((TupleType t) -> candidates.get(t)).thenComparing(BY_CANONICAL));
        return JavaNames.uniqueNames(ordered, candidates::get, reservedTypes, taken);
    }

    /** Names a helper per tuple and array type in event data: {@code decode} plus the type's token. */
    private Map<AbiType, String> nameHelpers(List<AbiEvent> events) {
        Set<AbiType> types = new LinkedHashSet<>();
        for (AbiEvent event : events) {
            event.inputs().stream().filter(p -> !p.indexed()).forEach(p -> collectComposites(p.type(), types));
        }
        List<AbiType> ordered = new ArrayList<>(types);
        Function<AbiType, String> name = t -> "decode"
                + EventNaming.typeToken(t, tuple -> structClasses.get(tuple).simpleName());
        ordered.sort(Comparator.comparing(name).thenComparing(BY_CANONICAL));
        return JavaNames.uniqueNames(ordered, name, Set.of(), Set.of());
    }

    private static void collectComposites(AbiType type, Set<AbiType> into) {
        if (type instanceof ArrayType array) {
            into.add(array);
            collectComposites(array.element(), into);
        } else if (type instanceof TupleType tuple) {
            into.add(tuple);
            tuple.components().forEach(c -> collectComposites(c.type(), into));
        }
    }

    /** Returns {@code name} without leading and trailing underscores, or {@code name} if nothing else is left. */
    static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && name.charAt(start) == '_') {
            start++;
        }
        while (end > start && name.charAt(end - 1) == '_') {
            end--;
        }
        return start == end ? name : name.substring(start, end);
    }
}
