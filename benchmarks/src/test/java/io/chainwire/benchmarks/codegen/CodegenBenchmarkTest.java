package io.chainwire.benchmarks.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiReader;
import io.chainwire.maven.internal.GenerationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs each code generation benchmark once on a small ABI; nothing here is timed. */
class CodegenBenchmarkTest {
    private static final int EVENTS = 12;

    private final CodegenBenchmark benchmark = new CodegenBenchmark();

    @Test
    void largeAbiIsTheSameForTheSameSizeAndHasThatManyEvents() throws Exception {
        String json = LargeAbi.json(500, 7);
        assertEquals(json, LargeAbi.json(500, 7));
        List<AbiContract> contracts = AbiReader.read("Protocol.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(500, contracts.get(0).events().size());
    }

    @Test
    void generateWritesTheContractClass() throws Exception {
        CodegenBenchmark.CleanProject clean = new CodegenBenchmark.CleanProject();
        clean.events = EVENTS;
        clean.create();
        try {
            clean.clean();
            GenerationResult result = benchmark.generate(clean);
            assertFalse(result.upToDate());
            assertEquals(1, result.written());
            assertTrue(Files.isRegularFile(
                    clean.project.request().outputDirectory().resolve("com/example/protocol/Protocol.java")));
        } finally {
            clean.delete();
        }
    }

    @Test
    void generatedSourcesCompileAndAnUnchangedRebuildIsUpToDate() throws Exception {
        CodegenBenchmark.GeneratedProject generated = new CodegenBenchmark.GeneratedProject();
        generated.events = EVENTS;
        generated.create();
        try {
            assertEquals(1, benchmark.compile(generated));
            assertTrue(Files.isRegularFile(generated.project.classes().resolve("com/example/protocol/Protocol.class")));
            assertTrue(benchmark.upToDateCheck(generated).upToDate());
        } finally {
            generated.delete();
        }
    }
}
