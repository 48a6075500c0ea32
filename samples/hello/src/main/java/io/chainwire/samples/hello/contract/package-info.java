/**
 * Event classes that chainwire-maven-plugin generates from the ABIs in {@code src/main/abi}: {@code Hello}, with one
 * record per event.
 */
package io.chainwire.samples.hello.contract;
