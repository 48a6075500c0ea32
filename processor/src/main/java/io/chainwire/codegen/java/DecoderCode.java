package io.chainwire.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.chainwire.abi.AbiDecoder;
import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.RawLog;
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
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes straight-line decoding code: each event's {@code decode}, and one private static helper per tuple and array
 * type that event data holds. Static values are read at constant offsets, dynamic ones behind a checked offset, arrays
 * after a checked length; every read goes through {@link AbiDecoder}, which bounds-checks it.
 *
 * <p>Error field names are constants: the ABI parameter name at the top level, the struct record and ABI member name
 * for a struct member ({@code Order.maker}), the array type (for example {@code Order[2][]}) inside an array helper.
 *
 * <p>Types are written as {@code $T}, never as text, {@code java.lang} ones included: an event or struct may be named
 * {@code Object} or {@code String}, and JavaPoet then qualifies the {@code java.lang} type where the nested record
 * shadows it.
 */
final class DecoderCode {
    static final ClassName ABI_DECODER = ClassName.get(AbiDecoder.class);
    static final ClassName RAW_LOG = ClassName.get(RawLog.class);
    private static final ClassName ABI_DECODING_EXCEPTION = ClassName.get(AbiDecodingException.class);
    private static final int WORD = AbiType.WORD;

    private final ContractNames names;
    private final JavaTypes types;

    DecoderCode(ContractNames names, JavaTypes types) {
        this.names = names;
        this.types = types;
    }

    /** Returns {@code decode(RawLog)} of {@code event}'s record. */
    MethodSpec eventDecode(AbiEvent event) {
        ClassName record = names.eventClass(event);
        List<String> components = names.components(event);
        List<AbiParameter> inputs = event.inputs();
        MethodSpec.Builder method = MethodSpec.methodBuilder("decode")
                .addJavadoc("Decodes a log of this event, checking every topic and data word.\n\n")
                .addJavadoc("@param log a log whose topic 0 and topic count are this event's\n")
                .addJavadoc("@return the event\n")
                .addJavadoc(
                        "@throws $T if the log's topics do not fit this event, or its data do not\n"
                                + "    encode its arguments\n",
                        ABI_DECODING_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(record)
                .addParameter(RAW_LOG, "log");
        method.addStatement(
                "$T.checkTopics(log, $L, $L, SIGNATURE)",
                ABI_DECODER,
                event.anonymous() ? "null" : "TOPIC0",
                event.topicCount());

        List<String> locals = new ArrayList<>(List.of("log"));
        List<String> arguments = new ArrayList<>();
        int topic = event.anonymous() ? 0 : 1;
        for (int i = 0; i < inputs.size(); i++) {
            String local = JavaNames.escape(components.get(i), List.of(), locals);
            locals.add(local);
            arguments.add(local);
            String field = ContractNames.rawName(inputs.get(i), i);
            if (inputs.get(i).indexed()) {
                CodeBlock decoder = CodeBlock.of("$T.topic(log, $L, SIGNATURE)", ABI_DECODER, topic++);
                CodeBlock value = inputs.get(i).type().isValueType()
                        ? decodeAt(inputs.get(i).type(), decoder, CodeBlock.of("0"), field)
                        : CodeBlock.of("$L.readIndexed(0, $S)", decoder, field);
                method.addStatement("$T $N = $L", types.component(inputs.get(i)), local, value);
            }
        }

        List<AbiParameter> data = inputs.stream().filter(p -> !p.indexed()).toList();
        if (!data.isEmpty()) {
            String decoder = JavaNames.escape("data", List.of(), locals);
            method.addStatement("$T $N = $T.data(log, SIGNATURE)", ABI_DECODER, decoder, ABI_DECODER);
            int headSize = data.stream().mapToInt(p -> p.type().headSize()).sum();
            int head = 0;
            for (int i = 0; i < inputs.size(); i++) {
                AbiParameter input = inputs.get(i);
                if (!input.indexed()) {
                    CodeBlock value = read(
                            input.type(),
                            CodeBlock.of("$N", decoder),
                            CodeBlock.of("0"),
                            CodeBlock.of("$L", head),
                            CodeBlock.of("$L", headSize),
                            ContractNames.rawName(input, i));
                    method.addStatement("$T $N = $L", types.of(input.type()), arguments.get(i), value);
                    head += input.type().headSize();
                }
            }
        }
        arguments.add("log.meta()");
        return method.addStatement("return new $T($L)", record, String.join(", ", arguments))
                .build();
    }

    /** Returns the helpers, in order of name. */
    List<MethodSpec> helpers() {
        List<MethodSpec> helpers = new ArrayList<>();
        for (Map.Entry<AbiType, String> helper : names.helpers().entrySet()) {
            MethodSpec.Builder method = MethodSpec.methodBuilder(helper.getValue())
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(types.of(helper.getKey()))
                    .addParameter(ABI_DECODER, "d")
                    .addParameter(TypeName.INT, "pos");
            if (helper.getKey() instanceof TupleType tuple) {
                tupleBody(method, tuple);
            } else {
                arrayBody(method, (ArrayType) helper.getKey());
            }
            helpers.add(method.build());
        }
        return helpers;
    }

    private void tupleBody(MethodSpec.Builder method, TupleType tuple) {
        ClassName record = names.structClass(tuple);
        List<String> members = names.members(tuple);
        List<String> locals = new ArrayList<>(List.of("d", "pos"));
        int headSize =
                tuple.components().stream().mapToInt(c -> c.type().headSize()).sum();
        int head = 0;
        for (int i = 0; i < members.size(); i++) {
            AbiType type = tuple.components().get(i).type();
            String local = JavaNames.escape(members.get(i), List.of(), locals);
            locals.add(local);
            CodeBlock value = read(
                    type,
                    CodeBlock.of("d"),
                    CodeBlock.of("pos"),
                    plus("pos", head),
                    CodeBlock.of("$L", headSize),
                    record.simpleName() + "."
                            + ContractNames.rawName(tuple.components().get(i), i));
            method.addStatement("$T $N = $L", types.of(type), local, value);
            head += type.headSize();
        }
        method.addStatement("return new $T($L)", record, String.join(", ", locals.subList(2, locals.size())));
    }

    private void arrayBody(MethodSpec.Builder method, ArrayType array) {
        AbiType element = array.element();
        String label = label(array);
        CodeBlock base;
        CodeBlock headSize;
        if (array.isDynamicLength()) {
            method.addStatement("int length = d.readLength(pos, $L, $S)", element.headSize(), label);
            method.addStatement("int base = pos + $L", WORD);
            method.addStatement("$T[] elements = new $T[length]", ClassName.OBJECT, ClassName.OBJECT);
            method.beginControlFlow("for (int i = 0; i < length; i++)");
            base = CodeBlock.of("base");
            headSize = CodeBlock.of("length * $L", WORD);
        } else {
            method.addStatement("$T[] elements = new $T[$L]", ClassName.OBJECT, ClassName.OBJECT, array.length());
            method.beginControlFlow("for (int i = 0; i < $L; i++)", array.length());
            base = CodeBlock.of("pos");
            headSize = CodeBlock.of("$L", array.length() * WORD);
        }
        CodeBlock head = CodeBlock.of("$L + i * $L", base, element.headSize());
        method.addStatement("elements[i] = $L", read(element, CodeBlock.of("d"), base, head, headSize, label));
        method.endControlFlow();
        method.addStatement("return $T.list(elements)", ABI_DECODER);
    }

    /**
     * Returns an expression reading a value whose head word(s) start at {@code head}, in a tuple or array starting at
     * {@code base} whose head takes {@code headSize} bytes: a static value is read in place, a dynamic one at the
     * offset its head holds.
     */
    private CodeBlock read(
            AbiType type, CodeBlock d, CodeBlock base, CodeBlock head, CodeBlock headSize, String field) {
        CodeBlock pos =
                type.isDynamic() ? CodeBlock.of("$L.readOffset($L, $L, $L, $S)", d, base, head, headSize, field) : head;
        return decodeAt(type, d, pos, field);
    }

    /** Returns an expression decoding {@code type} whose encoding starts at {@code pos}. */
    private CodeBlock decodeAt(AbiType type, CodeBlock d, CodeBlock pos, String field) {
        if (type instanceof UintType uint) {
            return integer(uint.bits(), false, d, pos, field);
        } else if (type instanceof IntType integer) {
            return integer(integer.bits(), true, d, pos, field);
        } else if (type instanceof AddressType) {
            return CodeBlock.of("$L.readAddress($L, $S)", d, pos, field);
        } else if (type instanceof BoolType) {
            return CodeBlock.of("$L.readBool($L, $S)", d, pos, field);
        } else if (type instanceof FixedBytesType fixed) {
            return CodeBlock.of("$L.readFixedBytes($L, $L, $S)", d, pos, fixed.size(), field);
        } else if (type instanceof FunctionType) {
            return CodeBlock.of("$L.readFixedBytes($L, $L, $S)", d, pos, FunctionType.SIZE, field);
        } else if (type instanceof BytesType) {
            return CodeBlock.of("$L.readBytes($L, $S)", d, pos, field);
        } else if (type instanceof StringType) {
            return CodeBlock.of("$L.readString($L, $S)", d, pos, field);
        }
        return CodeBlock.of("$N($L, $L)", names.helper(type), d, pos);
    }

    private static CodeBlock integer(int bits, boolean signed, CodeBlock d, CodeBlock pos, String field) {
        TypeName java = JavaTypes.integer(bits, signed);
        String read =
                java.equals(TypeName.INT) ? "readInt" : java.equals(TypeName.LONG) ? "readLong" : "readBigInteger";
        return CodeBlock.of("$L.$N($L, $L, $L, $S)", d, read, pos, bits, signed, field);
    }

    /** Returns the array's type as errors name it: Solidity syntax, with struct record names for tuples. */
    private String label(AbiType type) {
        if (type instanceof ArrayType array) {
            return label(array.element()) + "[" + (array.isDynamicLength() ? "" : array.length()) + "]";
        }
        return type instanceof TupleType tuple ? names.structClass(tuple).simpleName() : type.canonical();
    }

    private static CodeBlock plus(String variable, int offset) {
        return offset == 0 ? CodeBlock.of("$N", variable) : CodeBlock.of("$N + $L", variable, offset);
    }
}
