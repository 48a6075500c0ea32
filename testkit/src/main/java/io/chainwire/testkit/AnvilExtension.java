package io.chainwire.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a running {@link Anvil} node: declare a parameter of type {@code Anvil} on a test
 * method, a lifecycle method or the test class constructor.
 *
 * <p>One node serves a top-level test class and its {@code @Nested} classes: it starts when the first parameter asks
 * for it and stops when the class's tests are done, whatever their outcome (it lives in the class's extension store,
 * which closes it). Tests in one class share the chain, so they should not assume an empty one;
 * {@link Anvil#snapshot()} and {@link Anvil#revert(String)} isolate a test that needs to.
 *
 * <p>It works with JUnit Jupiter 5.10 and later, 6 included: it uses no API newer than 5.10, and the testkit leaves the
 * choice of JUnit version to the project that uses it.
 *
 * @see AnvilTest
 */
public final class AnvilExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AnvilExtension.class);

    /** Creates the extension; JUnit does this for {@code @ExtendWith(AnvilExtension.class)}. */
    public AnvilExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Anvil.class;
    }

    @Override
    public Anvil resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return topLevelClass(context)
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(StoredNode.class, key -> new StoredNode(Anvil.start()), StoredNode.class)
                .anvil();
    }

    /** Returns the context of the outermost test class: the engine's context is its parent. */
    private static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().flatMap(ExtensionContext::getParent).isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    /**
     * The node as the class's store holds it, so that JUnit stops it with the class: every JUnit Jupiter closes a
     * stored {@code CloseableResource}; 5.13 and later close an {@code AutoCloseable} instead, and warn about a
     * {@code CloseableResource} that is not also an {@code AutoCloseable}.
     */
    private record StoredNode(Anvil anvil) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            anvil.close();
        }
    }
}
