/**
 * deliverykit calculations: numbers out of events (error budgets and burn rates, DORA,
 * AI-delivery flow and cost, statistics kernels).
 */
module io.github.deliverykit.metrics {
    requires transitive io.github.deliverykit.core;
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports io.github.deliverykit.metrics.budget;
    exports io.github.deliverykit.metrics.cost;
    exports io.github.deliverykit.metrics.cost.spi;
    exports io.github.deliverykit.metrics.dora;
    exports io.github.deliverykit.metrics.dora.spi;
    exports io.github.deliverykit.metrics.evidence;
    exports io.github.deliverykit.metrics.flow;
    exports io.github.deliverykit.metrics.stats;

    uses io.github.deliverykit.metrics.cost.spi.PriceTable;
    uses io.github.deliverykit.metrics.dora.spi.PerformanceBands;
    uses io.github.deliverykit.metrics.dora.spi.DoraDefinition;

    provides io.github.deliverykit.metrics.cost.spi.PriceTable with
            io.github.deliverykit.metrics.cost.internal.ExamplePriceTable;
    provides io.github.deliverykit.metrics.dora.spi.PerformanceBands with
            io.github.deliverykit.metrics.dora.internal.BuiltInBands.Dora2021Bands,
            io.github.deliverykit.metrics.dora.internal.BuiltInBands.Dora2023Bands,
            io.github.deliverykit.metrics.dora.internal.BuiltInBands.Dora2024Bands,
            io.github.deliverykit.metrics.dora.internal.BuiltInBands.SeedEliteBands;
    provides io.github.deliverykit.metrics.dora.spi.DoraDefinition with
            io.github.deliverykit.metrics.dora.internal.BuiltInDefinitions.FourKeys,
            io.github.deliverykit.metrics.dora.internal.BuiltInDefinitions.DevLake,
            io.github.deliverykit.metrics.dora.internal.BuiltInDefinitions.GitLab,
            io.github.deliverykit.metrics.dora.internal.BuiltInDefinitions.Dora2024;
}
