package io.github.deliverykit.core.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one plug-in call for an engine, failing closed: a plug-in that throws, returns null, or
 * emits a finding code outside its namespace (its provider id, or the id followed by {@code .})
 * contributes a {@code FAIL} finding under the engine's namespace instead of its result, so a
 * broken or spoofing plug-in can never let something through or speak for a built-in.
 *
 * <p>The failure codes are {@code <engine>.plugin.error} (threw or returned null) and
 * {@code <engine>.plugin.foreign_code} (a code outside the namespace); both carry the facts
 * {@code provider} and {@code error} or {@code code}.
 */
public final class Plugins {

    private Plugins() {}

    /**
     * Whether a finding code lies in a provider's namespace.
     *
     * @param code the finding code
     * @param providerId the provider id
     * @return true when the code equals the id or starts with the id and a dot
     */
    public static boolean inNamespace(String code, String providerId) {
        Checks.notNull(code, "code");
        Checks.notNull(providerId, "providerId");
        return code.equals(providerId)
                || (code.length() > providerId.length() && code.startsWith(providerId)
                        && code.charAt(providerId.length()) == '.');
    }

    /**
     * Calls a plug-in and checks its result.
     *
     * @param <E> the extras type
     * @param engine the engine's namespace for failure codes, e.g. {@code change}
     * @param plugin the plug-in being called
     * @param call the call
     * @param failed the extras to use when the call fails (what failing closed means for the SPI)
     * @return the plug-in's result, or a failing result in the engine's namespace
     * @throws IllegalArgumentException if an argument is null
     */
    public static <E> RuleResult<E> call(String engine, Provider plugin, Supplier<@Nullable RuleResult<E>> call,
            E failed) {
        Checks.notBlank(engine, "engine");
        Checks.notNull(plugin, "plugin");
        Checks.notNull(call, "call");
        Checks.notNull(failed, "failed");
        String id;
        try {
            id = Checks.notBlank(plugin.id(), "id() of " + plugin.getClass().getName());
        } catch (RuntimeException e) {
            return RuleResult.of(failed, Finding.fail(engine + ".plugin.error", "Plug-in " + plugin.getClass().getName()
                    + " has no usable id: " + e, Facts.of("provider", plugin.getClass().getName(), "error",
                    e.getClass().getName())));
        }
        @Nullable RuleResult<E> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            return RuleResult.of(failed, Finding.fail(engine + ".plugin.error",
                    "Plug-in " + id + " failed: " + e, Facts.of("provider", id, "error", e.getClass().getName())));
        }
        if (result == null) {
            return RuleResult.of(failed, Finding.fail(engine + ".plugin.error",
                    "Plug-in " + id + " returned no result", Facts.of("provider", id, "error", "null result")));
        }
        List<Finding> foreign = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (!inNamespace(f.code(), id)) {
                foreign.add(Finding.fail(engine + ".plugin.foreign_code", "Plug-in " + id
                        + " emitted the code '" + f.code() + "' outside its namespace '" + id + "'",
                        Facts.of("provider", id, "code", f.code())));
            }
        }
        return foreign.isEmpty() ? result : RuleResult.of(failed, foreign);
    }
}
