package io.chainwire.codegen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.ContractEvent;
import io.chainwire.abi.Hash;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiEvent;
import io.chainwire.codegen.abi.AbiParameter;
import io.chainwire.codegen.abi.AbiType.TupleType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the Java class for one contract: a sealed {@code Event} interface, one record per event with
 * {@code SIGNATURE}, {@code TOPIC0}, {@code matches}, {@code decode} and {@code filter()}, records for structs, private
 * decode helpers, and a contract-level {@code decode} that dispatches on topic 0 and then on the topic count.
 *
 * <p>The Maven plugin and the annotation processor both call this, so one ABI gives the same source byte for byte on
 * either path: nothing depends on time, hash order or the environment. Members appear in a fixed order: the contract
 * {@code decode}, the helpers by name, the {@code Event} interface, event records in ABI order, then struct records by
 * name.
 *
 * <h2>Names</h2>
 *
 * <p>None of these rules depends on the order of entries in the ABI.
 *
 * <ul>
 *   <li><b>The class.</b> {@link ContractClassNaming} names it after its contract, with characters Java does not allow
 *       dropped and the next one capitalised ({@code my-token} gives {@code MyToken}); a contract {@code Event} or
 *       {@code Filter}, which name nested types, gives {@code EventContract} or {@code FilterContract}.
 *   <li><b>Events.</b> A record takes its event's name. Events that share a name (overloads) take a suffix of their
 *       parameter types: {@code Transfer(address,uint256)} becomes {@code TransferAddressUint256}; arrays add
 *       {@code Array} (and the length if fixed), tuples their struct name or {@code Tuple}. Events that share the whole
 *       signature but differ in which arguments are indexed (ERC-20 and ERC-721 {@code Transfer}) take {@code Indexed}
 *       and the capitalised names of their indexed arguments instead, {@code Unindexed} if none, with {@code Anonymous}
 *       first for an anonymous event: {@code TransferIndexedFromTo} and {@code TransferIndexedFromToTokenId}. Exact
 *       duplicate entries are generated once.
 *   <li><b>Structs.</b> A tuple's record takes the struct name from {@code internalType}. Different layouts with the
 *       same struct name take the qualified name without dots ({@code Market.Order} becomes {@code MarketOrder}). A
 *       tuple without {@code internalType} takes the capitalised name of the parameter holding it plus {@code Tuple}
 *       ({@code OrderTuple}; the alphabetically first such parameter if several). A struct name that names an event,
 *       {@code Event}, {@code Filter} or the contract class gets {@code Struct} appended. Equal tuples share one
 *       record.
 *   <li><b>Components.</b> A parameter keeps its ABI name; an unnamed one is {@code arg} plus its position. Characters
 *       that Java does not allow become {@code _}.
 *   <li><b>Escaping.</b> A name that is a Java keyword or restricted identifier, or clashes with a generated member
 *       ({@code SIGNATURE}, {@code TOPIC0}, {@code matches}, {@code decode}, {@code filter}, {@code meta},
 *       {@code build}, a decode helper, a runtime type used as a qualifier, an {@code Object} method such as
 *       {@code hashCode}), or with a type name the class uses ({@code Event}, {@code Filter}, the contract class), gets
 *       a trailing {@code _}, repeated until the name is free. Any clash left after these rules is settled the same
 *       way, in an order fixed by the events' content.
 *   <li><b>Shadowing.</b> A name that only shadows a type the generated code uses, such as {@code Object},
 *       {@code Record} or {@code String} from {@code java.lang}, or a runtime type such as {@code Hash} or
 *       {@code Builder} ({@code TopicFilter.Builder}), is kept: the code names the shadowed type qualified
 *       ({@code java.lang.Object[]}) wherever a record or the class hides it. The class imports the {@code java.lang}
 *       types it uses like any other, so that another contract's class in the same package, named {@code Object} or
 *       {@code String}, does not hide them either.
 * </ul>
 *
 * <p>The generator expects a model that {@link io.chainwire.codegen.abi.AbiReader} would accept, which checks every
 * rule of the ABI where it can say where in the file: at most {@value AbiEvent#MAX_INDEXED} indexed inputs
 * ({@value AbiEvent#MAX_INDEXED_ANONYMOUS} for an anonymous event), no empty tuple and no zero-length array.
 */
public final class ContractClassGenerator {
    private static final AnnotationSpec GENERATED = AnnotationSpec.builder(
                    ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", "io.chainwire.codegen")
            .build();

    /**
     * Returns the text of {@code packageName.simpleName} for {@code contract}: {@link #generate}'s file as Java source.
     * This is the method for code outside this jar (the Maven plugin), since the published jar carries JavaPoet
     * relocated, under {@code io.chainwire.processor.shaded}: {@link JavaFile} there is not the class a caller compiles
     * against.
     *
     * @throws IllegalArgumentException if {@link ContractClassNaming#forChosenName} rejects {@code simpleName}
     */
    public String generateSource(AbiContract contract, String packageName, String simpleName) {
        return generate(contract, packageName, simpleName).toString();
    }

    /**
     * Returns the source of {@code packageName.simpleName} for {@code contract}, for this jar's own use (the annotation
     * processor writes it through the {@code Filer}).
     *
     * @throws IllegalArgumentException if {@link ContractClassNaming#forChosenName} rejects {@code simpleName}
     */
    public JavaFile generate(AbiContract contract, String packageName, String simpleName) {
        if (ContractClassNaming.forChosenName(simpleName) instanceof ContractClassNaming.Rejected rejected) {
            throw new IllegalArgumentException(
                    "cannot generate the class of contract " + contract.name() + ": " + rejected.problem());
        }
        ClassName contractClass = ClassName.get(packageName, simpleName);
        ContractNames names = ContractNames.plan(contract, contractClass);
        JavaTypes types = new JavaTypes(names);
        DecoderCode decoder = new DecoderCode(names, types);
        EventRecordWriter eventWriter = new EventRecordWriter(names, types, decoder);
        ClassName eventInterface = contractClass.nestedClass("Event");

        TypeSpec.Builder type = TypeSpec.classBuilder(contractClass)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(GENERATED)
                .addJavadoc("Events of the {@code $L} contract, generated by chainwire from its ABI.\n\n", simpleName)
                .addJavadoc(
                        "<p>Each event is a record of its arguments and the log's {@code LogMeta}, with the event's\n"
                                + "{@code SIGNATURE}, a {@code decode} that checks every topic and data word, and a {@code filter()}\n"
                                + "builder of topic filters. {@link #decode} decodes a log of any event that has a topic 0.\n")
                .addJavadoc(renamedNote(contract, simpleName))
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(contractDecode(names, eventInterface))
                .addMethods(decoder.helpers())
                .addType(eventInterface(names, eventInterface));
        for (AbiEvent event : names.events()) {
            type.addType(eventWriter.write(event, eventInterface));
        }
        names.structs().forEach((tuple, record) -> type.addType(structRecord(tuple, record, names, types)));
        return JavaFile.builder(packageName, type.build())
                .addFileComment(
                        "Generated by chainwire from the ABI of $L. Do not edit: the build regenerates it.", simpleName)
                .build();
    }

    /** Says why the class of a contract named like a nested type has another name; empty otherwise. */
    private static CodeBlock renamedNote(AbiContract contract, String simpleName) {
        String plain = ContractClassNaming.plainName(contract.name());
        boolean renamed = !simpleName.equals(plain)
                && ContractClassNaming.forContract(contract.name()).equals(new ContractClassNaming.Named(simpleName));
        return renamed
                ? CodeBlock.of(
                        "\n<p>Named {@code $L}, not {@code $L}: a class cannot share its name with a type it holds.\n",
                        simpleName,
                        plain)
                : CodeBlock.of("");
    }

    private static TypeSpec eventInterface(ContractNames names, ClassName eventInterface) {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(eventInterface)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(ContractEvent.class);
        if (names.events().isEmpty()) {
            return type.addJavadoc(
                            "An event of the {@code $L} contract, whose ABI declares none.\n",
                            names.contractClass().simpleName())
                    .build();
        }
        names.events().forEach(event -> type.addPermittedSubclass(names.eventClass(event)));
        return type.addModifiers(Modifier.SEALED)
                .addJavadoc(
                        "An event of the {@code $L} contract: one record per event of its ABI.\n",
                        names.contractClass().simpleName())
                .build();
    }

    private static MethodSpec contractDecode(ContractNames names, ClassName eventInterface) {
        String contract = names.contractClass().simpleName();
        MethodSpec.Builder method = MethodSpec.methodBuilder("decode")
                .addJavadoc(
                        "Decodes a log of any event of {@code $L}: finds the event by topic 0, and by\n"
                                + "the topic count where events share a signature, then decodes it with that event's\n"
                                + "{@code decode}.\n",
                        contract)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(eventInterface)
                .addParameter(DecoderCode.RAW_LOG, "log");

        Map<String, TreeMap<Integer, AbiEvent>> routes = new LinkedHashMap<>();
        List<AbiEvent> anonymous = new ArrayList<>();
        List<CodeBlock> shadowed = new ArrayList<>();
        Comparator<AbiEvent> byName =
                Comparator.comparing(e -> names.eventClass(e).simpleName());
        names.events().stream().sorted(byName).forEach(event -> {
            if (event.anonymous()) {
                anonymous.add(event);
                return;
            }
            AbiEvent first = routes.computeIfAbsent(event.signature(), s -> new TreeMap<>())
                    .putIfAbsent(event.topicCount(), event);
            if (first != null) {
                shadowed.add(CodeBlock.of(
                        "\n<p>{@link $T} shares topic 0 and topic count with {@link $T},\n"
                                + "so its logs decode as {@link $T}; call its own {@code decode} where that is wrong.\n",
                        names.eventClass(event),
                        names.eventClass(first),
                        names.eventClass(first)));
            }
        });
        if (!anonymous.isEmpty()) {
            method.addJavadoc(
                    "\n<p>Anonymous events are not routed, as their logs carry no topic 0: decode them with\n"
                            + "$L.\n",
                    CodeBlock.join(
                            anonymous.stream()
                                    .map(e -> CodeBlock.of("{@link $T#decode}", names.eventClass(e)))
                                    .toList(),
                            ",\n"));
        }
        shadowed.forEach(method::addJavadoc);
        method.addJavadoc("\n@param log a log of this contract\n")
                .addJavadoc("@return the decoded event\n")
                .addJavadoc(
                        "@throws $T if the log has no topic 0, topic 0 is no event of this contract,\n"
                                + "    the topic count fits no event with that topic 0, or the data do not encode the event\n",
                        AbiDecodingException.class);

        if (!routes.isEmpty()) {
            method.beginControlFlow("if (log.topicCount() == 0)")
                    .addStatement("throw $T.unknownEvent(log, $S)", DecoderCode.ABI_DECODER, contract)
                    .endControlFlow()
                    .addStatement("$T topic0 = log.topic(0)", Hash.class);
            for (AbiEvent event : firstOfEachSignature(names)) {
                route(method, names, routes.get(event.signature()));
            }
        }
        return method.addStatement("throw $T.unknownEvent(log, $S)", DecoderCode.ABI_DECODER, contract)
                .build();
    }

    /** Returns the first event of each signature, in ABI order, so that the dispatch reads like the ABI. */
    private static List<AbiEvent> firstOfEachSignature(ContractNames names) {
        return names.events().stream()
                .filter(e -> !e.anonymous())
                .collect(Collectors.toMap(AbiEvent::signature, e -> e, (a, b) -> a, LinkedHashMap::new))
                .values()
                .stream()
                .toList();
    }

    private static void route(MethodSpec.Builder method, ContractNames names, TreeMap<Integer, AbiEvent> byCount) {
        ClassName first = names.eventClass(byCount.firstEntry().getValue());
        method.beginControlFlow("if (topic0.equals($T.TOPIC0))", first);
        if (byCount.size() == 1) {
            method.addStatement("return $T.decode(log)", first);
        } else {
            CodeBlock.Builder code = CodeBlock.builder().add("return switch (log.topicCount()) {\n$>");
            byCount.forEach((count, event) -> code.add("case $L -> $T.decode(log);\n", count, names.eventClass(event)));
            String expected = byCount.keySet().stream().map(String::valueOf).collect(Collectors.joining(" or "));
            code.add(
                    "default -> throw $T.wrongTopicCount(log, $T.SIGNATURE, $S);\n",
                    DecoderCode.ABI_DECODER,
                    first,
                    expected);
            method.addCode(code.add("$<};\n").build());
        }
        method.endControlFlow();
    }

    private static TypeSpec structRecord(TupleType tuple, ClassName record, ContractNames names, JavaTypes types) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        CodeBlock.Builder doc = CodeBlock.builder();
        if (tuple.qualifiedName() != null) {
            doc.add("The {@code $L} struct, encoded as {@code $L}.\n\n", SolidityText.type(tuple), tuple.canonical());
        } else {
            doc.add(
                    "The tuple {@code $L} of the {@code $L} argument; the ABI gives it no struct name.\n\n",
                    tuple.canonical(),
                    names.structOrigin(tuple));
        }
        List<String> members = names.members(tuple);
        for (int i = 0; i < members.size(); i++) {
            AbiParameter member = tuple.components().get(i);
            constructor.addParameter(types.of(member.type()), members.get(i));
            doc.add("@param $L the {@code $L} member\n", members.get(i), SolidityText.parameter(member, i));
        }
        return TypeSpec.recordBuilder(record)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(doc.build())
                .recordConstructor(constructor.build())
                .build();
    }
}
