package io.chainwire.benchmarks.codegen;

import io.chainwire.maven.internal.GenerationResult;
import io.chainwire.maven.internal.IncrementalGenerator;
import io.chainwire.maven.internal.InvalidAbiInputException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Build-time cost of a large contract: the Maven plugin's generator turning an ABI of {@code events} events
 * ({@link LargeAbi}) into Java, javac compiling what it wrote, and the check that makes an unchanged rebuild a no-op.
 * Each invocation is timed once ({@link Mode#SingleShotTime}), in process and without Maven's own start-up, through
 * {@link IncrementalGenerator}, which is what the {@code generate} goal runs. It is internal to the Maven plugin, which
 * is no named module and so cannot export it to this one alone; its package documentation names this benchmark as its
 * one reader outside the plugin.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodegenBenchmark {
    /** A project with the large ABI and nothing generated: each invocation starts from a clean {@code target}. */
    @State(Scope.Benchmark)
    public static class CleanProject {
        /** Number of events in the ABI. */
        @Param("500")
        public int events;

        SampleProject project;

        /** Creates the project. */
        @Setup(Level.Trial)
        public void create() throws IOException {
            project = SampleProject.create(events);
        }

        /** Removes what the last invocation generated. */
        @Setup(Level.Invocation)
        public void clean() throws IOException {
            project.clean();
        }

        /** Deletes the project. */
        @TearDown(Level.Trial)
        public void delete() throws IOException {
            project.delete();
        }
    }

    /** A project with the large ABI whose sources were generated once, as by a first build. */
    @State(Scope.Benchmark)
    public static class GeneratedProject {
        /** Number of events in the ABI. */
        @Param("500")
        public int events;

        SampleProject project;

        /** Creates the project and generates its sources. */
        @Setup(Level.Trial)
        public void create() throws IOException, InvalidAbiInputException {
            project = SampleProject.create(events);
            IncrementalGenerator.run(project.request());
        }

        /** Deletes the project. */
        @TearDown(Level.Trial)
        public void delete() throws IOException {
            project.delete();
        }
    }

    /** Scans and reads the ABI, generates the contract class and writes it. */
    @Benchmark
    public GenerationResult generate(CleanProject clean) throws IOException, InvalidAbiInputException {
        return IncrementalGenerator.run(clean.project.request());
    }

    /** Compiles the generated sources with javac. */
    @Benchmark
    public int compile(GeneratedProject generated) throws IOException {
        return InProcessJavac.compile(generated.project.request().outputDirectory(), generated.project.classes());
    }

    /**
     * Runs the generator again over unchanged inputs: it scans and fingerprints the ABI files, compares with the
     * recorded state and does nothing else.
     */
    @Benchmark
    public GenerationResult upToDateCheck(GeneratedProject generated) throws IOException, InvalidAbiInputException {
        GenerationResult result = IncrementalGenerator.run(generated.project.request());
        if (!result.upToDate()) {
            throw new IllegalStateException("an unchanged project was generated again: " + result);
        }
        return result;
    }
}
