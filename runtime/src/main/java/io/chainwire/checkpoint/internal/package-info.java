/** How the checkpoint stores work: shared SQL, dialect differences, schema and writer serialisation. */
package io.chainwire.checkpoint.internal;
