/**
 * deliverykit on Apache Flink: the SLI series aggregate, streaming burn-rate alerts with deploy-freeze verdicts, de-duplication, parsing with a side output for malformed lines, and the runnable example job.
 */
@NullMarked
package io.github.deliverykit.flink;

import org.jspecify.annotations.NullMarked;
