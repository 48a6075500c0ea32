package io.chainwire.codegen.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.TopicFilter;
import io.chainwire.abi.Topics;
import io.chainwire.codegen.abi.AbiEvent;
import io.chainwire.codegen.abi.AbiParameter;
import io.chainwire.codegen.abi.AbiType;
import io.chainwire.codegen.abi.AbiType.AddressType;
import io.chainwire.codegen.abi.AbiType.BoolType;
import io.chainwire.codegen.abi.AbiType.BytesType;
import io.chainwire.codegen.abi.AbiType.FixedBytesType;
import io.chainwire.codegen.abi.AbiType.IntType;
import io.chainwire.codegen.abi.AbiType.StringType;
import io.chainwire.codegen.abi.AbiType.UintType;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the record of one event: its components, {@code SIGNATURE}, {@code TOPIC0} (computed here, at generation
 * time), {@code matches}, {@code decode}, and a {@code Filter} builder over its indexed arguments.
 *
 * <p>An anonymous event has no {@code TOPIC0} and no {@code matches}: its logs carry no topic 0, so a topic count is
 * all that could be checked, and that would claim every log with as many topics.
 */
final class EventRecordWriter {
    private static final ClassName HASH = ClassName.get(Hash.class);
    private static final ClassName TOPIC_FILTER = ClassName.get(TopicFilter.class);
    private static final ClassName TOPICS = ClassName.get(Topics.class);
    private static final ClassName BUILDER = TOPIC_FILTER.nestedClass("Builder");

    private final ContractNames names;
    private final JavaTypes types;
    private final DecoderCode decoder;

    EventRecordWriter(ContractNames names, JavaTypes types, DecoderCode decoder) {
        this.names = names;
        this.types = types;
        this.decoder = decoder;
    }

    /** Returns the record of {@code event}, implementing {@code eventInterface}. */
    TypeSpec write(AbiEvent event, ClassName eventInterface) {
        ClassName record = names.eventClass(event);
        List<String> components = names.components(event);
        String signature = event.signature();
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (int i = 0; i < components.size(); i++) {
            constructor.addParameter(types.component(event.inputs().get(i)), components.get(i));
        }
        constructor.addParameter(LogMeta.class, "meta");

        TypeSpec.Builder type = TypeSpec.recordBuilder(record)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(eventInterface)
                .recordConstructor(constructor.build())
                .addJavadoc(javadoc(event))
                .addField(FieldSpec.builder(String.class, "SIGNATURE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The canonical signature, {@code $L}.\n", signature)
                        .initializer("$S", signature)
                        .build());
        if (!event.anonymous()) {
            type.addField(FieldSpec.builder(HASH, "TOPIC0", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The Keccak-256 hash of {@link #SIGNATURE}: topic 0 of every log of this event.\n")
                    .initializer(
                            "$T.fromHex($S)", HASH, Hash.keccak256(signature).toHex())
                    .build());
            type.addMethod(MethodSpec.methodBuilder("matches")
                    .addJavadoc(
                            "Returns true if {@code log} has this event's topic 0 and $L in all.\n\n",
                            topics(event.topicCount()))
                    .addJavadoc("@param log any log\n")
                    .addJavadoc("@return whether {@link #decode} would accept the log's topics\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(TypeName.BOOLEAN)
                    .addParameter(DecoderCode.RAW_LOG, "log")
                    .addStatement("return $T.matches(log, TOPIC0, $L)", DecoderCode.ABI_DECODER, event.topicCount())
                    .build());
        }
        ClassName filter = record.nestedClass("Filter");
        return type.addMethod(decoder.eventDecode(event))
                .addMethod(MethodSpec.methodBuilder("filter")
                        .addJavadoc("Returns a builder of topic filters for logs of this event.\n\n")
                        .addJavadoc("@return a builder that accepts any value of every indexed argument\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(filter)
                        .addStatement("return new $T()", filter)
                        .build())
                .addType(filter(event, filter))
                .build();
    }

    private CodeBlock javadoc(AbiEvent event) {
        ClassName record = names.eventClass(event);
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("{@code $L}.\n\n", SolidityText.declaration(event))
                .add("<p>Signature {@code $L}", event.signature());
        if (event.anonymous()) {
            doc.add(
                    ".\n\n<p>The event is anonymous: its logs carry no topic 0, only $L for the indexed arguments,\n"
                            + "so no {@code TOPIC0} identifies them and the contract-level {@code decode} does not route them.\n"
                            + "Call {@link #decode} where a log is known to be this event.\n",
                    topics(event.topicCount()));
        } else {
            doc.add(
                    ",\ntopic 0 {@code $L}.\n",
                    Hash.keccak256(event.signature()).toHex());
        }
        String plain = JavaNames.identifier(event.name(), "Event");
        if (!record.simpleName().equals(plain)) {
            doc.add(
                    "\n<p>Named {@code $L} because the ABI declares more than one event {@code $L}, or the name is taken.\n",
                    record.simpleName(),
                    plain);
        }
        doc.add("\n");
        List<String> components = names.components(event);
        int topic = event.anonymous() ? 0 : 1;
        for (int i = 0; i < components.size(); i++) {
            AbiParameter input = event.inputs().get(i);
            String declared = SolidityText.parameter(input, i);
            if (!input.indexed()) {
                doc.add("@param $L the {@code $L} argument\n", components.get(i), declared);
            } else if (input.type().isValueType()) {
                doc.add("@param $L the {@code $L} argument, from topic $L\n", components.get(i), declared, topic++);
            } else {
                doc.add(
                        "@param $L the Keccak-256 hash of the {@code $L} argument, from topic $L\n",
                        components.get(i),
                        declared,
                        topic++);
            }
        }
        return doc.add("@param meta where the log came from\n").build();
    }

    private TypeSpec filter(AbiEvent event, ClassName filter) {
        CodeBlock start = event.anonymous()
                ? CodeBlock.of("$T.builder()", TOPIC_FILTER)
                : CodeBlock.of("$T.builder().topic(0, TOPIC0)", TOPIC_FILTER);
        TypeSpec.Builder type = TypeSpec.classBuilder(filter)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "Builds a {@link $T} for {@code $L} logs. Each method adds values to the OR\n"
                                + "list of its indexed argument; an argument given no values matches any.\n",
                        TOPIC_FILTER,
                        names.eventClass(event).simpleName())
                .addField(FieldSpec.builder(BUILDER, "topics", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer(start)
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        List<String> components = names.components(event);
        int topic = event.anonymous() ? 0 : 1;
        for (int i = 0; i < components.size(); i++) {
            AbiParameter input = event.inputs().get(i);
            if (input.indexed()) {
                type.addMethod(
                        filterMethod(filter, input, components.get(i), SolidityText.parameter(input, i), topic++));
            }
        }
        return type.addMethod(MethodSpec.methodBuilder("build")
                        .addJavadoc(
                                "Returns the filter$L.\n\n",
                                event.anonymous()
                                        ? " of each constrained argument"
                                        : ": this event's topic 0, and each constrained argument")
                        .addJavadoc("@return the topic filter\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TOPIC_FILTER)
                        .addStatement("return topics.build()")
                        .build())
                .build();
    }

    private MethodSpec filterMethod(ClassName filter, AbiParameter input, String name, String declared, int topic) {
        AbiType abiType = input.type();
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(filter)
                .varargs();
        if (abiType.isValueType()) {
            TypeName type = types.of(abiType);
            method.addJavadoc("Adds values that the {@code $L} argument (topic $L) may take.\n\n", declared, topic)
                    .addParameter(ParameterSpec.builder(arrayOf(type), "anyOf").build())
                    .beginControlFlow("for ($T value : anyOf)", type)
                    .addStatement("topics.topic($L, $L)", topic, encode(abiType))
                    .endControlFlow();
        } else if (abiType instanceof StringType || abiType instanceof BytesType) {
            TypeName type = types.of(abiType);
            method.addJavadoc(
                            "Adds values that the {@code $L} argument (topic $L) may take;\n"
                                    + "each is hashed with Keccak-256, as the log stores it.\n\n",
                            declared,
                            topic)
                    .addParameter(ParameterSpec.builder(arrayOf(type), "anyOf").build())
                    .beginControlFlow("for ($T value : anyOf)", type)
                    .addStatement(
                            "topics.topic($L, $T.$N(value))",
                            topic,
                            TOPICS,
                            abiType instanceof StringType ? "string" : "bytes")
                    .endControlFlow();
        } else {
            method.addJavadoc(
                            "Adds values that the {@code $L} argument (topic $L) may take,\n"
                                    + "as the Keccak-256 hashes of their encoding that the log stores.\n\n",
                            declared,
                            topic)
                    .addParameter(ParameterSpec.builder(arrayOf(HASH), "anyOf").build())
                    .addStatement("topics.topic($L, anyOf)", topic);
        }
        return method.addJavadoc("@param anyOf the values to accept\n")
                .addJavadoc("@return this builder\n")
                .addStatement("return this")
                .build();
    }

    /**
     * Returns the {@link Topics} call encoding {@code value}, a local of the Java type of value type {@code type} (the
     * last one left is {@code function}).
     */
    private static CodeBlock encode(AbiType type) {
        if (type instanceof UintType uint) {
            return CodeBlock.of("$T.unsigned(value, $L)", TOPICS, uint.bits());
        } else if (type instanceof IntType integer) {
            return CodeBlock.of("$T.signed(value, $L)", TOPICS, integer.bits());
        } else if (type instanceof AddressType) {
            return CodeBlock.of("$T.address(value)", TOPICS);
        } else if (type instanceof BoolType) {
            return CodeBlock.of("$T.bool(value)", TOPICS);
        } else if (type instanceof FixedBytesType fixed) {
            return CodeBlock.of("$T.fixedBytes(value, $L)", TOPICS, fixed.size());
        }
        return CodeBlock.of("$T.function(value)", TOPICS);
    }

    private static String topics(int count) {
        return count == 1 ? "1 topic" : count + " topics";
    }

    private static TypeName arrayOf(TypeName element) {
        return ArrayTypeName.of(element);
    }
}
