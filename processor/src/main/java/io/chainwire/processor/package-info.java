/**
 * The javac annotation processors: event classes from {@code @ContractAbi} files, and dispatchers for
 * {@code @ContractHandler} interfaces.
 */
package io.chainwire.processor;
