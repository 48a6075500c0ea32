/** Build-time cost: generating and compiling a large contract, and the no-op rebuild. */
package io.chainwire.benchmarks.codegen;
