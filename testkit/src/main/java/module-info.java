/**
 * JUnit Jupiter support for tests against a real local Ethereum node (anvil), Solidity test contracts and a
 * fault-injecting proxy.
 *
 * <p>JUnit Jupiter is the project's own (5.10 or later): it is read here only when present, which it is wherever
 * {@code @AnvilTest} runs; node control ({@code Anvil}, {@code Contracts}, {@code Solidity}, {@code FaultProxy}) needs
 * no JUnit.
 */
module io.chainwire.testkit {
    // Logs, receipts and addresses of the runtime's API are this module's parameters and results.
    requires transitive io.chainwire.runtime;
    // AnvilTest is an @ExtendWith and AnvilExtension a ParameterResolver; optional at run time.
    requires static transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.core;

    exports io.chainwire.testkit;
}
