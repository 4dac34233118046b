/**
 * deliverykit adapters: the ecosystem's files and API payloads read into core, metrics and policy
 * types (OpenSLO, Prometheus HTTP API results, Claude Code session logs, LiteLLM prices), with
 * Jackson data binding and its streaming parser; decisions written out as JUnit XML (the JDK's StAX
 * writer) and SARIF 2.1.0.
 */
module io.github.deliverykit.formats {
    requires transitive io.github.deliverykit.core;
    requires transitive io.github.deliverykit.metrics;
    requires transitive io.github.deliverykit.policy;
    requires static transitive org.jspecify;
    requires org.slf4j;
    requires java.xml;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports io.github.deliverykit.formats;
    exports io.github.deliverykit.formats.canary;
    exports io.github.deliverykit.formats.events;
    exports io.github.deliverykit.formats.findings;
    exports io.github.deliverykit.formats.prometheus;
    exports io.github.deliverykit.formats.slo;
    exports io.github.deliverykit.formats.usage;

    opens io.github.deliverykit.formats.internal to com.fasterxml.jackson.databind;
}
