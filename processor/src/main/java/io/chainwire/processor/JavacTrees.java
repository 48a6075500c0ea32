package io.chainwire.processor;

import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * javac's tree API, where the processor runs inside javac itself. Other compilers, and javac wrapped by Gradle's
 * incremental compilation, do not offer it; callers then do without.
 */
final class JavacTrees {
    private JavacTrees() {}

    /** Returns javac's trees for {@code env}, or empty when {@code env} is not javac's own. */
    static Optional<Trees> of(ProcessingEnvironment env) {
        try {
            return Optional.of(Trees.instance(env));
        } catch (IllegalArgumentException notJavac) {
            return Optional.empty();
        }
    }
}
