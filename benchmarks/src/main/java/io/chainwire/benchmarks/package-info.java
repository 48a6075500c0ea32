/** JMH benchmarks of chainwire against web3j 5 and hand-written code. */
package io.chainwire.benchmarks;
