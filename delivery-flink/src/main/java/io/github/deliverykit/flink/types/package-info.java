/**
 * The Flink types of the library's accumulators, with explicit, versioned serializers (no Kryo).
 */
@NullMarked
package io.github.deliverykit.flink.types;

import org.jspecify.annotations.NullMarked;
