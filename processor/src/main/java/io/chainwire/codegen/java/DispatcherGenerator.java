package io.chainwire.codegen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.handler.UndecodableLogException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the dispatcher of a handler interface: an {@link EventDispatcher} that tests a raw log against each handled
 * event in turn ({@code matches}: topic 0 and topic count), decodes it with that event's {@code decode} and calls the
 * handler method. Straight-line code, no reflection. A log that does not decode is an {@link UndecodableLogException};
 * only the decoding sits in the {@code try}, so that an exception from the handler method, even an
 * {@link AbiDecodingException}, propagates unchanged. The {@code java.lang} types it uses are imported like any other,
 * so that a contract class of the handler's package named {@code Override} or {@code Object} cannot hide them.
 */
public final class DispatcherGenerator {
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final String GENERATOR = "io.chainwire.processor";
    private static final TypeName TOPIC_SET = ParameterizedTypeName.get(Set.class, Hash.class);

    /** Returns the source of {@code spec.dispatcher()}. */
    public JavaFile generate(DispatcherSpec spec) {
        TypeSpec.Builder type = TypeSpec.classBuilder(spec.dispatcher())
                .addJavadoc(typeJavadoc(spec))
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", GENERATOR)
                        .build());
        if (spec.isPublic()) {
            type.addModifiers(Modifier.PUBLIC);
        }
        type.addModifiers(Modifier.FINAL)
                .addSuperinterface(EventDispatcher.class)
                .addField(topicsField(spec))
                .addField(spec.handler(), "handler", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(constructor(spec))
                .addMethod(topicsMethod())
                .addMethod(dispatchMethod(spec));
        return JavaFile.builder(spec.dispatcher().packageName(), type.build()).build();
    }

    private static CodeBlock typeJavadoc(DispatcherSpec spec) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Routes raw logs of {@link $T} events to a {@link $T}.\n\n", spec.contract(), spec.handler())
                .add("<p>A log of an event the handler takes is decoded and passed to its method; any other\n")
                .add("log is left alone. A log with the topic 0 and topic count of such an event that does not\n")
                .add(
                        "decode as it is an {@link $T}, and no method is called. An exception\n",
                        UndecodableLogException.class)
                .add("from a handler method propagates unchanged. Events, in the order they are tried:\n\n<ul>\n");
        for (DispatcherSpec.Route route : spec.routes()) {
            doc.add("  <li>{@code $L} to {@code $L}\n", route.signature(), route.method());
        }
        return doc.add("</ul>\n").build();
    }

    /** One topic per distinct signature: events that share a signature share topic 0. */
    private static FieldSpec topicsField(DispatcherSpec spec) {
        Map<String, ClassName> bySignature = new LinkedHashMap<>();
        spec.routes().forEach(route -> bySignature.putIfAbsent(route.signature(), route.event()));
        CodeBlock topics = bySignature.values().stream()
                .map(event -> CodeBlock.of("$T.TOPIC0", event))
                .collect(CodeBlock.joining(", "));
        return FieldSpec.builder(TOPIC_SET, "TOPICS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", Set.class, topics)
                .build();
    }

    private static MethodSpec constructor(DispatcherSpec spec) {
        return MethodSpec.constructorBuilder()
                .addJavadoc("Creates a dispatcher that calls {@code handler}.\n\n")
                .addJavadoc("@throws $T if {@code handler} is null\n", NullPointerException.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(spec.handler(), "handler")
                .addStatement("this.handler = $T.requireNonNull(handler, $S)", Objects.class, "handler")
                .build();
    }

    private static MethodSpec topicsMethod() {
        return MethodSpec.methodBuilder("topics")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TOPIC_SET)
                .addStatement("return TOPICS")
                .build();
    }

    private static MethodSpec dispatchMethod(DispatcherSpec spec) {
        MethodSpec.Builder dispatch = MethodSpec.methodBuilder("dispatch")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(RawLog.class, "log")
                .addParameter(EventContext.class, "context");
        for (DispatcherSpec.Route route : spec.routes()) {
            dispatch.beginControlFlow("if ($T.matches(log))", route.event())
                    .addStatement("$T event", route.event())
                    .beginControlFlow("try")
                    .addStatement("event = $T.decode(log)", route.event())
                    .nextControlFlow("catch ($T e)", AbiDecodingException.class)
                    .addStatement(
                            "throw new $T(log.meta(), $T.SIGNATURE, e)", UndecodableLogException.class, route.event())
                    .endControlFlow()
                    .addStatement(
                            route.passesContext() ? "handler.$N(event, context)" : "handler.$N(event)", route.method())
                    .addStatement("return true")
                    .endControlFlow();
        }
        return dispatch.addStatement("return false").build();
    }
}
