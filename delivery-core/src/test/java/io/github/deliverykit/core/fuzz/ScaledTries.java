package io.github.deliverykit.core.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Multiplies the explicit {@code tries} of every jqwik property by the system property
 * {@code deliverykit.tries.scale} (default 1), so that the {@code properties-deep} Maven profile runs
 * each property ten times as long; properties without explicit tries follow {@code jqwik.tries.default},
 * which the profile raises by the same factor. Registered for all properties of a module through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook} in its test resources.
 */
public final class ScaledTries implements AroundPropertyHook {

    /** The system property holding the factor. */
    public static final String SCALE = "deliverykit.tries.scale";
    /** The system property capping every property's tries (the mutation profile sets it: each mutant reruns them). */
    public static final String MAX = "deliverykit.tries.max";

    private static final java.util.concurrent.atomic.LongAdder TRIES = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder CHECKS = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder PROPERTIES = new java.util.concurrent.atomic.LongAdder();

    static {
        // the generated inputs this test JVM ran, for the "at least 10^5 in CI" count (target/jqwik-tries.txt)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (PROPERTIES.sum() == 0) {
                    return; // a JVM the tests started (a module-path check) ran no property
                }
                java.nio.file.Path out = java.nio.file.Path.of("target", "jqwik-tries.txt");
                java.nio.file.Files.createDirectories(out.getParent());
                java.nio.file.Files.writeString(out, "properties " + PROPERTIES.sum() + ", tries " + TRIES.sum()
                        + ", checks " + CHECKS.sum() + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException | RuntimeException e) {
                // a count is a report, not a test: never fail the JVM's exit over it
            }
        }));
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        int scale = Integer.getInteger(SCALE, 1);
        PropertyAttributes attributes = context.attributes();
        if (scale > 1) {
            attributes.tries().ifPresent(t -> attributes.setTries((int) Math.min(Integer.MAX_VALUE, (long) t * scale)));
        }
        Integer max = Integer.getInteger(MAX);
        if (max != null && max > 0) {
            attributes.tries().filter(t -> t > max).ifPresent(t -> attributes.setTries(max));
        }
        PropertyExecutionResult result = property.execute();
        PROPERTIES.increment();
        TRIES.add(result.countTries());
        CHECKS.add(result.countChecks());
        return result;
    }

    @Override
    public net.jqwik.api.lifecycle.PropagationMode propagateTo() {
        return net.jqwik.api.lifecycle.PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public int aroundPropertyProximity() {
        return -100; // outermost: before jqwik reads the attributes for generation
    }
}
