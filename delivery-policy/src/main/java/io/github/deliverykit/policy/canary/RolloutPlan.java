package io.github.deliverykit.policy.canary;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.policy.strategy.DeploymentStrategy;
import io.github.deliverykit.policy.strategy.StrategyRecommendation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a new version reaches all traffic: the ordered stages and the steps that undo it. Factories
 * build the seed's canary progression and blue-green, rolling and big-bang plans; custom plans are
 * validated (weights strictly increasing, ending at 100 %; every stage but the last with a positive
 * bake time).
 *
 * @param strategy the deployment strategy the plan implements
 * @param stages the stages, in order
 * @param rollbackSteps what to do, in order, to roll back
 */
public record RolloutPlan(DeploymentStrategy strategy, List<RolloutPlan.Stage> stages, List<String> rollbackSteps) {

    /** The most stages a plan may have (a rolling plan of more batches is refused, not built). */
    public static final int MAX_STAGES = 1000;

    /**
     * Validates the plan.
     *
     * @throws IllegalArgumentException if a field is null, there are no stages, more than
     *     {@link #MAX_STAGES} stages or no rollback steps,
     *     weights do not strictly increase, the last weight is not 100, or a non-final stage has no
     *     bake time
     */
    public RolloutPlan {
        Checks.notNull(strategy, "strategy");
        stages = Checks.listOf(stages, "stages");
        rollbackSteps = Checks.listOf(rollbackSteps, "rollbackSteps");
        if (stages.isEmpty()) {
            throw Checks.invalid("stages", "must not be empty", stages);
        }
        if (stages.size() > MAX_STAGES) {
            throw Checks.invalid("stages", "must have at most " + MAX_STAGES + " stages", stages.size());
        }
        if (rollbackSteps.isEmpty()) {
            throw Checks.invalid("rollbackSteps", "must not be empty", rollbackSteps);
        }
        for (int i = 0; i < rollbackSteps.size(); i++) {
            Checks.notBlank(rollbackSteps.get(i), "rollbackSteps[" + i + "]");
        }
        for (int i = 1; i < stages.size(); i++) {
            double prev = stages.get(i - 1).weightPercent();
            double cur = stages.get(i).weightPercent();
            if (!(cur > prev)) {
                throw Checks.invalid("stages[" + i + "].weightPercent",
                        "must be greater than the previous stage's " + prev, cur);
            }
        }
        double last = stages.get(stages.size() - 1).weightPercent();
        if (last != 100) {
            throw Checks.invalid("stages[" + (stages.size() - 1) + "].weightPercent", "must be 100 (the last stage)", last);
        }
        for (int i = 0; i < stages.size() - 1; i++) {
            Checks.positive(stages.get(i).bakeTime(), "stages[" + i + "].bakeTime");
        }
    }

    /** Blue-green: how long green is previewed without traffic before the switch. */
    public static final Duration DEFAULT_BLUE_GREEN_PREVIEW = Duration.ofMinutes(15);
    /** Blue-green: the verification hold after the switch, while blue stays ready for an instant switch back. */
    public static final Duration DEFAULT_VERIFICATION_HOLD = Duration.ofHours(24);
    /** Rolling: the instances of the default plan (four batches of 25 %). */
    public static final int DEFAULT_ROLLING_INSTANCES = 4;
    /** Rolling: the bake time per batch. */
    public static final Duration DEFAULT_BAKE_PER_BATCH = Duration.ofMinutes(5);
    /** Big bang: the verification inside the maintenance window. */
    public static final Duration DEFAULT_BIG_BANG_VERIFICATION = Duration.ofHours(1);

    /**
     * The default plan of a strategy: canary = the seed's 5 % / 30 min, 25 % / 1 h, 50 % / 2 h, 100 %;
     * blue-green = 0 % preview for {@link #DEFAULT_BLUE_GREEN_PREVIEW}, then the switch to 100 % with a
     * {@link #DEFAULT_VERIFICATION_HOLD}; rolling = {@link #DEFAULT_ROLLING_INSTANCES} instances one batch
     * at a time, {@link #DEFAULT_BAKE_PER_BATCH} each; big bang = one step to 100 % in the maintenance
     * window with {@link #DEFAULT_BIG_BANG_VERIFICATION}.
     *
     * @param strategy the strategy
     * @return its default plan
     * @throws IllegalArgumentException if strategy is null
     */
    public static RolloutPlan of(DeploymentStrategy strategy) {
        Checks.notNull(strategy, "strategy");
        return switch (strategy) {
            case CANARY -> canaryDefault();
            case BLUE_GREEN -> blueGreen(DEFAULT_BLUE_GREEN_PREVIEW, DEFAULT_VERIFICATION_HOLD);
            case ROLLING -> rolling(DEFAULT_ROLLING_INSTANCES, 1, 1, DEFAULT_BAKE_PER_BATCH);
            case BIG_BANG -> bigBang(DEFAULT_BIG_BANG_VERIFICATION);
        };
    }

    /**
     * The default plan of the strategy a recommendation chose: the seam from strategy selection to
     * the rollout.
     *
     * @param recommendation the recommendation
     * @return the recommended strategy's default plan
     * @throws IllegalArgumentException if recommendation is null or recommends no strategy (none is feasible)
     */
    public static RolloutPlan of(StrategyRecommendation recommendation) {
        Checks.notNull(recommendation, "recommendation");
        return of(recommendation.recommended().orElseThrow(() -> Checks.invalid("recommendation",
                "recommends no strategy: none is feasible (best scored " + recommendation.bestScored().id() + ")",
                recommendation.verdict())));
    }

    /**
     * The seed's canary progression: 5 % for 30 min, 25 % for 1 h, 50 % for 2 h, then 100 %.
     *
     * @return the plan
     */
    public static RolloutPlan canaryDefault() {
        return canary(List.of(
                RolloutPlan.Stage.of(5, Duration.ofMinutes(30)),
                RolloutPlan.Stage.of(25, Duration.ofHours(1)),
                RolloutPlan.Stage.of(50, Duration.ofHours(2)),
                new RolloutPlan.Stage(100, Duration.ZERO, 0, false)));
    }

    /**
     * A custom canary plan.
     *
     * @param stages the stages
     * @return the plan
     * @throws IllegalArgumentException if the stages are invalid
     */
    public static RolloutPlan canary(List<RolloutPlan.Stage> stages) {
        return new RolloutPlan(DeploymentStrategy.CANARY, Checks.notNull(stages, "stages"), List.of(
                "Set the canary weight to 0 % (route all traffic to the stable version)",
                "Scale the canary down",
                "Keep the failed analysis and its findings for the post-mortem"));
    }

    /**
     * Blue-green: the new (green) environment is verified with no user traffic, then traffic switches
     * at once and is watched.
     *
     * @param preview how long green is verified before the switch (positive)
     * @param postSwitch how long the switched traffic is watched before blue may be retired
     * @return the plan
     * @throws IllegalArgumentException if a duration is null, or preview is not positive, or postSwitch negative
     */
    public static RolloutPlan blueGreen(Duration preview, Duration postSwitch) {
        Checks.positive(preview, "preview");
        Checks.nonNegative(postSwitch, "postSwitch");
        return new RolloutPlan(DeploymentStrategy.BLUE_GREEN, List.of(
                new RolloutPlan.Stage(0, preview, 0, false),
                new RolloutPlan.Stage(100, postSwitch, RolloutPlan.Stage.DEFAULT_MIN_SAMPLES, false)), List.of(
                "Route traffic from green back to blue (instant)",
                "Keep green running for diagnosis, then tear it down"));
    }

    /**
     * Rolling: instances replaced {@code batchSize} at a time, at most {@code maxUnavailable} of them
     * out of service at once (the rest of each batch is surge capacity).
     *
     * @param instances the number of instances (at least 1)
     * @param batchSize instances replaced per step, in [1, instances]
     * @param maxUnavailable instances allowed out of service at once, in [0, batchSize], and below
     *     {@code instances} unless there is a single instance
     * @param bakePerBatch how long each batch is watched before the next (positive)
     * @return the plan, one stage per batch with the share of replaced instances as weight
     * @throws IllegalArgumentException if a value is out of range, or the plan would have more than
     *     {@link #MAX_STAGES} batches
     */
    public static RolloutPlan rolling(int instances, int batchSize, int maxUnavailable, Duration bakePerBatch) {
        Checks.positive(instances, "instances");
        Checks.inRange(batchSize, 1, instances, "batchSize");
        long batches = (instances + (long) batchSize - 1) / batchSize;
        if (batches > MAX_STAGES) {
            throw Checks.invalid("batchSize", "must give at most " + MAX_STAGES + " batches of " + instances
                    + " instances (at least " + ((instances + (long) MAX_STAGES - 1) / MAX_STAGES) + " per batch)", batchSize);
        }
        Checks.inRange(maxUnavailable, 0, batchSize, "maxUnavailable");
        if (instances > 1 && maxUnavailable >= instances) {
            throw Checks.invalid("maxUnavailable", "must be below instances (" + instances + ")", maxUnavailable);
        }
        Checks.positive(bakePerBatch, "bakePerBatch");
        List<RolloutPlan.Stage> stages = new ArrayList<>();
        for (long done = batchSize; ; done += batchSize) {
            long replaced = Math.min(done, instances);
            double weight = replaced == instances ? 100 : 100.0 * replaced / instances;
            stages.add(new RolloutPlan.Stage(weight, replaced == instances ? Duration.ZERO : bakePerBatch,
                    RolloutPlan.Stage.DEFAULT_MIN_SAMPLES, false));
            if (replaced == instances) {
                break;
            }
        }
        int surge = batchSize - maxUnavailable;
        return new RolloutPlan(DeploymentStrategy.ROLLING, stages, List.of(
                Checks.message("Stop the rollout; keep at most %d instance(s) unavailable and %d surge instance(s)",
                        maxUnavailable, surge),
                Checks.message("Re-deploy the previous version %d instance(s) at a time", batchSize),
                "Verify health checks on every re-deployed instance"));
    }

    /**
     * Big bang: everything at once, inside a maintenance window, then verified.
     *
     * @param verification how long the new version is verified before the release is declared done
     * @return the plan
     * @throws IllegalArgumentException if the duration is null or negative
     */
    public static RolloutPlan bigBang(Duration verification) {
        Checks.nonNegative(verification, "verification");
        return new RolloutPlan(DeploymentStrategy.BIG_BANG,
                List.of(new RolloutPlan.Stage(100, verification, RolloutPlan.Stage.DEFAULT_MIN_SAMPLES, false)), List.of(
                "Announce the rollback inside the maintenance window",
                "Redeploy the previous version everywhere (full redeploy)",
                "Restore data from the pre-release backup if a schema migration ran",
                "Verify health checks before reopening traffic"));
    }

    /**
     * The stage at an index.
     *
     * @param index the index
     * @return the stage
     * @throws IllegalArgumentException if the index is outside the plan
     */
    public RolloutPlan.Stage stage(int index) {
        Checks.inRange(index, 0, stages.size() - 1, "stage index");
        return stages.get(index);
    }

    /**
     * Whether an index is the last stage.
     *
     * @param index the index
     * @return true for the last stage
     */
    public boolean isLast(int index) {
        return index == stages.size() - 1;
    }

    /**
     * The sum of all bake times: the shortest time the rollout can take.
     *
     * @return the total bake time, saturated at the largest {@link Duration}
     */
    public Duration minimumDuration() {
        Duration total = Duration.ZERO;
        for (RolloutPlan.Stage s : stages) {
            try {
                total = total.plus(s.bakeTime());
            } catch (ArithmeticException overflow) {
                return Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
            }
        }
        return total;
    }

    /**
     * One step of a rollout: the share of traffic (or of instances) on the new version, how long it must
     * bake before the next step, how much evidence it needs, and whether a person must approve it.
     *
     * @param weightPercent the share on the new version, in [0, 100]
     * @param bakeTime the minimum time at this step before it may advance (zero allowed)
     * @param minSamples the minimum canary requests observed at this step before it may advance
     * @param manualGate whether the step pauses for approval once its checks pass
     */
    public record Stage(double weightPercent, Duration bakeTime, long minSamples, boolean manualGate) {

        /** The default minimum evidence per stage: 100 canary requests (a 1 % error rate needs at least that). */
        public static final long DEFAULT_MIN_SAMPLES = 100;

        /**
         * Validates the stage.
         *
         * @throws IllegalArgumentException if the weight is outside [0, 100] or not finite, the bake time
         *     null or negative, or the minimum evidence negative
         */
        public Stage {
            Checks.inRange(weightPercent, 0, 100, "weightPercent");
            Checks.nonNegative(bakeTime, "bakeTime");
            Checks.nonNegative(minSamples, "minSamples");
        }

        /**
         * A stage with the default evidence and no gate.
         *
         * @param weightPercent the share on the new version
         * @param bakeTime the bake time
         * @return the stage
         */
        public static Stage of(double weightPercent, Duration bakeTime) {
            return new Stage(weightPercent, bakeTime, DEFAULT_MIN_SAMPLES, false);
        }

        /**
         * A copy that pauses for approval.
         *
         * @return the gated stage
         */
        public Stage gated() {
            return new Stage(weightPercent, bakeTime, minSamples, true);
        }

        /**
         * A copy with another minimum evidence.
         *
         * @param samples the minimum canary requests
         * @return the stage
         */
        public Stage withMinSamples(long samples) {
            return new Stage(weightPercent, bakeTime, samples, manualGate);
        }
    }
}
