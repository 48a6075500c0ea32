/**
 * How the {@code generate} goal works: finding and fingerprinting ABI files, naming and generating classes, and writing
 * them incrementally. Not API.
 *
 * <p>One reader outside this jar, by design: chainwire's codegen benchmark (the unpublished {@code benchmarks} module)
 * runs {@link io.chainwire.maven.internal.IncrementalGenerator}, what the goal runs, in process, so that its timings
 * leave out Maven's start-up. The plugin is no named module (Maven loads it into a class realm), so no qualified export
 * can say so; this note does.
 */
package io.chainwire.maven.internal;
