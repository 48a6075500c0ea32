/** Writing Java source for contract events and handler dispatchers with JavaPoet. */
package io.chainwire.codegen.java;
