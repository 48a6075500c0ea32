package io.chainwire.codegen.java;

import com.palantir.javapoet.JavaFile;
import io.chainwire.codegen.abi.AbiContract;

/**
 * Writes the Java class for one contract: a sealed {@code Event} interface, one record per event
 * with {@code SIGNATURE}, {@code TOPIC0}, {@code decode} and {@code filter}, records for structs,
 * and a contract-level {@code decode} that dispatches on topic 0.
 *
 * <p>The Maven plugin and the annotation processor both call this, so one ABI gives the same
 * source byte for byte on either path.
 */
public final class ContractClassGenerator {
  /** Returns the source of {@code packageName.simpleName} for {@code contract}. */
  public JavaFile generate(AbiContract contract, String packageName, String simpleName) {
    throw new UnsupportedOperationException("not yet written");
  }
}
