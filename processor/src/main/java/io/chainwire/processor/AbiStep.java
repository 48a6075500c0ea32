package io.chainwire.processor;

import com.palantir.javapoet.JavaFile;
import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiFormatException;
import io.chainwire.codegen.abi.AbiReader;
import io.chainwire.codegen.java.ContractClassGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Takes one {@code @ContractAbi} through the pipeline: locate and read the ABI file, select the contract and its class
 * name, generate the class with the generator the Maven plugin uses, write it. A contract without events still gets its
 * class, as from the plugin, with a note saying so. Remembers every class it generated, to reject a second annotation
 * generating the same one.
 */
final class AbiStep {
    private final Reporter reporter;
    private final AbiLocator locator;
    private final ContractSelector selector;
    private final ContractClassGenerator generator = new ContractClassGenerator();
    private final SourceWriter writer;
    private final Map<String, AbiRequest> generated = new HashMap<>();

    AbiStep(ProcessingEnvironment env, Reporter reporter) {
        Annotations annotations = new Annotations(env.getElementUtils());
        this.reporter = reporter;
        this.locator = new AbiLocator(env, reporter, annotations);
        this.selector = new ContractSelector(reporter, annotations);
        this.writer = new SourceWriter(env.getFiler(), reporter);
    }

    /** Generates the class {@code request} asks for, or reports why it cannot. */
    void process(AbiRequest request) {
        Optional<AbiSource> source = locator.locate(request);
        if (source.isEmpty()) {
            return;
        }
        List<AbiContract> contracts;
        try {
            contracts = AbiReader.read(source.get().name(), source.get().json());
        } catch (AbiFormatException e) {
            reporter.error(Message.ABI_MALFORMED, request.site(), e.getMessage());
            return;
        }
        Optional<AbiContract> contract = selector.select(request, source.get().name(), contracts);
        Optional<String> className =
                contract.flatMap(c -> selector.className(request, source.get().name(), c));
        if (className.isEmpty()) {
            return;
        }
        String packageName = request.packageName();
        String qualifiedName = packageName.isEmpty() ? className.get() : packageName + "." + className.get();
        AbiRequest first = generated.putIfAbsent(qualifiedName, request);
        if (first != null) {
            reporter.error(Message.DUPLICATE_CLASS, request.site(), qualifiedName, first.describeElement());
            return;
        }
        if (contract.get().events().isEmpty()) {
            reporter.note(
                    Message.ABI_NO_EVENTS,
                    request.site(),
                    contract.get().name(),
                    source.get().name(),
                    qualifiedName);
        }
        JavaFile file = generator.generate(contract.get(), packageName, className.get());
        writer.write(file, request.element(), request.site());
    }
}
