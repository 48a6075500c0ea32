/** Reading contract ABI JSON (plain arrays, build artifacts, solc combined JSON) into an event model. */
package io.chainwire.codegen.abi;
