package io.github.deliverykit.policy.release.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.Provider;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.policy.release.Release;
import io.github.deliverykit.policy.release.ReleaseEvidence;
import io.github.deliverykit.policy.release.ReleaseReadinessConfig;
import org.jspecify.annotations.Nullable;

/**
 * A plug point for release readiness: one exit criterion that judges the evidence as PASS, WARN or
 * FAIL. The seed's seven criteria are built in (ids in
 * {@link io.github.deliverykit.policy.release.ReleaseReadiness#BUILT_IN_IDS}); custom criteria are
 * loaded with {@link io.github.deliverykit.core.spi.Providers} and read their own evidence from
 * {@link ReleaseEvidence#custom(String)}.
 *
 * <p>A criterion returns the one plug-in shape, {@link RuleResult}: its findings (with the evidence
 * in the message and facts; every code inside its namespace, its id or the id followed by
 * {@code .}, e.g. {@code bugs}) and, as extras, its {@link Verdict}: the level and, for a warning,
 * the condition a conditional go attaches. A criterion that throws, returns null or emits a foreign
 * code fails (fail closed). Implementations must be stateless or thread safe, and deterministic.
 */
public interface ExitCriterion extends Provider {

    /**
     * Judges the criterion.
     *
     * @param release the release
     * @param evidence what is known about it
     * @param config the readiness thresholds
     * @return the findings and the verdict
     */
    RuleResult<Verdict> evaluate(Release release, ReleaseEvidence evidence, ReleaseReadinessConfig config);

    /**
     * What a criterion concluded: PASS, WARN or FAIL and, for a warning, the condition to meet before
     * release (e.g. {@code Complete documentation review before T-0}).
     *
     * @param level PASS, WARN or FAIL
     * @param condition the condition to meet before release, or null (a warning without one gets
     *     "Resolve before T-0: " followed by its message)
     */
    record Verdict(Level level, @Nullable String condition) {

        /**
         * Validates the verdict.
         *
         * @throws IllegalArgumentException if the level is null or INFO, or the condition blank but not null
         */
        public Verdict {
            Checks.notNull(level, "level");
            if (level == Level.INFO) {
                throw Checks.invalid("level", "must be PASS, WARN or FAIL", level);
            }
            if (condition != null) {
                Checks.notBlank(condition, "condition");
            }
        }

        /**
         * A PASS.
         *
         * @return the verdict
         */
        public static Verdict pass() {
            return new Verdict(Level.PASS, null);
        }

        /**
         * A WARN with the condition to meet.
         *
         * @param condition the condition
         * @return the verdict
         * @throws IllegalArgumentException if the condition is blank
         */
        public static Verdict warn(String condition) {
            return new Verdict(Level.WARN, Checks.notBlank(condition, "condition"));
        }

        /**
         * A FAIL.
         *
         * @return the verdict
         */
        public static Verdict fail() {
            return new Verdict(Level.FAIL, null);
        }

        /**
         * The condition a conditional go attaches to a warning.
         *
         * @param message the criterion's message, used when no condition was given
         * @return the condition
         */
        public String conditionOrDefault(String message) {
            return condition != null ? condition : "Resolve before T-0: " + message;
        }
    }
}
