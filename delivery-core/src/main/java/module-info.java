/**
 * deliverykit's shared vocabulary: findings, intervals and windows, exact money, delivery events
 * and the service-provider loader used by every plug point.
 */
module io.github.deliverykit.core {
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports io.github.deliverykit.core.check;
    exports io.github.deliverykit.core.event;
    exports io.github.deliverykit.core.finding;
    exports io.github.deliverykit.core.metric;
    exports io.github.deliverykit.core.money;
    exports io.github.deliverykit.core.spi;
    exports io.github.deliverykit.core.time;
}
