/** Records a chainwire event stream's counters and gauges in a Micrometer {@code MeterRegistry}. */
// Micrometer has no module descriptor; its jar names its automatic module, micrometer.core, in its
// manifest, so the name is stable.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.chainwire.micrometer {
    // MicrometerStreamMetrics implements the runtime's StreamMetrics and takes a MeterRegistry.
    requires transitive io.chainwire.runtime;
    requires transitive micrometer.core;
    requires org.slf4j;

    exports io.chainwire.micrometer;
}
