/**
 * Micrometer binding of the stream metrics: {@link io.chainwire.micrometer.MicrometerStreamMetrics} records a stream's
 * counters and gauges in a {@code MeterRegistry}.
 */
package io.chainwire.micrometer;
