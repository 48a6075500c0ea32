/** Implementation of the ABI reader: a located JSON tree, JSON paths and the ABI entry grammar. Not API. */
package io.chainwire.codegen.abi.internal;
