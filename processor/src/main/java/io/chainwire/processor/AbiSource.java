package io.chainwire.processor;

/**
 * The bytes of an ABI file and the name its errors should show.
 *
 * @param name the file's path or URI
 * @param json the file's content
 */
record AbiSource(String name, byte[] json) {}
