/**
 * The built-in DORA band tables (DORA 2021, 2023, 2024, seed elite targets), registered as providers exactly like third-party ones. Not exported.
 */
@NullMarked
package io.github.deliverykit.metrics.dora.internal;

import org.jspecify.annotations.NullMarked;
