/**
 * JUnit Jupiter support (5.10 and later, 6 included) for testing against a real local Ethereum
 * node: {@link io.chainwire.testkit.Anvil} starts and controls an anvil node, {@link
 * io.chainwire.testkit.Solidity} compiles test contracts with solcjs, {@link
 * io.chainwire.testkit.Contracts} deploys them, sends transactions and reads their logs, and {@link
 * io.chainwire.testkit.AnvilTest} hands a node to each test class.
 *
 * <h2>Writing a test</h2>
 *
 * <pre>{@code
 * @AnvilTest
 * class HelloTest {
 *   private static final Path SOURCE = Path.of("src/test/solidity/Hello.sol");
 *
 *   @Test
 *   void emitsMessageSent(Anvil anvil) {
 *     Contracts contracts = new Contracts(anvil);
 *     Address hello = contracts.deploy(Solidity.compile(SOURCE, "Hello"));
 *
 *     TransactionReceipt receipt = contracts.send(hello, Calldata.function("send(string)").string("hi").encode());
 *
 *     List<RawLog> logs = contracts.getLogs(hello, receipt.blockNumber(), receipt.blockNumber());
 *     Hello.MessageSent event = Hello.MessageSent.decode(logs.get(0)); // a chainwire-generated class
 *     assertEquals("hi", event.message());
 *   }
 * }
 * }</pre>
 *
 * <p>The node listens on 127.0.0.1 only, on a port the system picks; it is shared by the tests of
 * one class and stopped after them. Chain control for reorg and restart scenarios: {@link
 * io.chainwire.testkit.Anvil#mine(int)}, {@link io.chainwire.testkit.Anvil#snapshot()} and {@link
 * io.chainwire.testkit.Anvil#revert(String)}, {@link io.chainwire.testkit.Anvil#reorg(int)}, and
 * {@link io.chainwire.testkit.Anvil.Builder#port(int)} with {@link
 * io.chainwire.testkit.Anvil.Builder#stateFile(java.nio.file.Path)}.
 *
 * <h2>Chaos tests</h2>
 *
 * <p>{@link io.chainwire.testkit.FaultProxy} sits between a client and the node on another loopback
 * port and injects the failures real providers have: 429s, 5xx statuses, stalls, truncated JSON,
 * resets, dropped WebSockets, lost notifications and {@code eth_getLogs} range limits. {@link
 * io.chainwire.testkit.FaultRule}s say which messages get which {@link io.chainwire.testkit.Fault};
 * every rule is bounded, and a seed makes the random ones repeatable.
 *
 * <h2>Where anvil and solc come from</h2>
 *
 * <p>Both are npm packages pinned in the project root's {@code package.json} and {@code
 * package-lock.json}: {@code @foundry-rs/anvil} (whose platform package, for example {@code
 * @foundry-rs/anvil-linux-amd64}, ships the binary) and {@code solc}. The Maven build of this module
 * installs them in its {@code initialize} phase by running {@code src/build/install-node-tools.js}
 * with node: it runs {@code npm ci --ignore-scripts} in the project root, and skips that when
 * {@code node_modules/.chainwire-npm-ci} records the SHA-256 of the current lock file, so only a
 * fresh clone or a changed lock file pays for an install. Node.js 20 or later must be on the PATH;
 * {@code -Dexec.skip} turns the step off.
 *
 * <p>A project that uses the testkit pins the same two packages in a {@code package.json} of its
 * own and installs them with {@code npm ci --ignore-scripts} (see the README, "Getting started").
 *
 * <p>At test time the tools are found by walking up from the working directory to a {@code
 * node_modules} folder, so any module of the project finds the root's. Outside such a layout, point
 * at them with the system properties {@code chainwire.anvil} (the anvil executable), {@code
 * chainwire.solc} (the solc package folder) and {@code chainwire.node}, or the environment
 * variables {@code CHAINWIRE_ANVIL}, {@code CHAINWIRE_SOLC} and {@code CHAINWIRE_NODE}. When none
 * is found, the error says which npm command to run in which folder: inside chainwire's build, in
 * a project whose {@code package.json} lists the tools, or in one that has none yet.
 *
 * <p>Anvil's output goes to {@code target/chainwire-anvil/anvil-*.log}; compiler outputs are cached
 * in {@code target/chainwire-solc/}.
 */
package io.chainwire.testkit;
