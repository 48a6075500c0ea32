package io.chainwire.codegen.java;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;

/**
 * A validated handler interface: what its generated dispatcher routes where.
 *
 * @param handler the handler interface
 * @param contract the contract class whose events it handles
 * @param dispatcher the dispatcher class to generate
 * @param isPublic true if the dispatcher is public, which it is when the handler is visible outside its package
 * @param routes one per handler method, in dispatch order
 */
public record DispatcherSpec(
        ClassName handler, ClassName contract, ClassName dispatcher, boolean isPublic, List<Route> routes) {

    /** Validates that nothing is missing and copies the routes. */
    public DispatcherSpec {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(dispatcher, "dispatcher");
        routes = List.copyOf(routes);
    }

    /**
     * A handler method and the event it takes.
     *
     * @param method the handler method's name
     * @param event the event record
     * @param signature the event's canonical signature; events with equal signatures share topic 0
     * @param passesContext true if the method also takes the {@code EventContext}
     */
    public record Route(String method, ClassName event, String signature, boolean passesContext) {
        /** Validates that nothing is missing. */
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(signature, "signature");
        }
    }
}
