package io.github.deliverykit.core.metric;

import io.github.deliverykit.core.check.Checks;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one set of well-known metric keys: what the DORA, flow and cost reports of the metrics module
 * measure ({@code measurements()}) and what the maturity models and every other threshold read,
 * each with the unit and range it must have. A measurement under a well-known key in another unit
 * or out of range is rejected. Custom keys (any lower-case dotted name) are accepted as given.
 */
public final class MetricKeys {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");

    /** Median CI duration, seconds. */
    public static final String CI_DURATION_MEDIAN = "ci.duration.median";
    /** 95th percentile CI duration, seconds. */
    public static final String CI_DURATION_P95 = "ci.duration.p95";
    /** Median CI feedback latency (push to result), seconds. */
    public static final String CI_FEEDBACK_LATENCY_MEDIAN = "ci.feedback_latency.median";
    /** CI cache hit rate, ratio 0..1. */
    public static final String CI_CACHE_HIT_RATE = "ci.cache.hit_rate";
    /** CI runner utilisation, ratio 0..1. */
    public static final String CI_RUNNER_UTILIZATION = "ci.runner.utilization";
    /** Mean CI rounds per merged PR, count. */
    public static final String CI_ROUNDS_PER_PR = "ci.rounds.per_pr";
    /** Median spin-up time of an agent sandbox, seconds. */
    public static final String SANDBOX_SPINUP_MEDIAN = "sandbox.spinup.median";
    /** Production deployments per week. */
    public static final String DEPLOY_FREQUENCY_PER_WEEK = "deploy.frequency.per_week";
    /** Merged PRs per day (team throughput). */
    public static final String PR_THROUGHPUT_PER_DAY = "pr.throughput.per_day";
    /** Merges per week. */
    public static final String MERGES_PER_WEEK = "merges.per_week";
    /** Median merge-queue wait, seconds. */
    public static final String MERGE_QUEUE_WAIT_P50 = "merge_queue.wait.p50";
    /** Mean time from anomaly detection to completed rollback, seconds. */
    public static final String ROLLBACK_MEAN_TIME = "rollback.mean_time";
    /** Share of agent-driven rollbacks that succeed without human intervention, ratio 0..1. */
    public static final String ROLLBACK_SUCCESS_RATE = "rollback.success_rate";
    /** Share of PRs merged without human review, ratio 0..1. */
    public static final String REVIEW_AUTO_APPROVE_RATE = "review.auto_approve_rate";
    /** Mean iterations to success (CI attempts until an agent PR passes), count. */
    public static final String ITS_MEAN = "its.mean";
    /** Mean cost per agent CI iteration, US dollars. */
    public static final String COST_PER_ITERATION = "cost.per_iteration";
    /** Quarter-over-quarter change of cost per feature, ratio (-0.1 = 10 % cheaper). */
    public static final String COST_PER_FEATURE_QOQ_CHANGE = "cost.per_feature.qoq_change";
    /** Mean cost per merged pull request, US dollars. */
    public static final String COST_PER_MERGED_PR = "cost.per_merged_pr";
    /** Mean cost per delivered feature, US dollars. */
    public static final String COST_PER_FEATURE = "cost.per_feature";
    /** Median iterations to success, count. */
    public static final String ITS_MEDIAN = "its.median";
    /** DORA: production deployments per day. */
    public static final String DORA_DEPLOYMENT_FREQUENCY_PER_DAY = "dora.deployment_frequency.per_day";
    /** DORA: median lead time for changes (commit to production), seconds. */
    public static final String DORA_LEAD_TIME_MEDIAN = "dora.lead_time.median";
    /** DORA: change failure rate, ratio 0..1. */
    public static final String DORA_CHANGE_FAILURE_RATE = "dora.change_failure_rate";
    /** DORA: median time to restore service, seconds. */
    public static final String DORA_TIME_TO_RESTORE_MEDIAN = "dora.time_to_restore.median";

    /** 95th percentile CI feedback latency (push to result), seconds. */
    public static final String CI_FEEDBACK_LATENCY_P95 = "ci.feedback_latency.p95";
    /** 95th percentile merge-queue wait, seconds. */
    public static final String MERGE_QUEUE_WAIT_P95 = "merge_queue.wait.p95";
    /** Merged PRs per developer per week. */
    public static final String PR_THROUGHPUT_PER_DEVELOPER_WEEK = "pr.throughput.per_developer_week";
    /** Agent autonomy score: share of completed agent tasks without human intervention, ratio 0..1. */
    public static final String AGENT_AUTONOMY = "agent.autonomy";
    /** Test-oracle reliability: share of test failures that point at real defects, ratio 0..1. */
    public static final String TEST_ORACLE_RELIABILITY = "test_oracle.reliability";
    /** Share of AI tool licences used in the period, ratio 0..1. */
    public static final String LICENCE_UTILIZATION = "licence.utilization";
    /** Share of AI suggestions shown that were accepted, ratio 0..1. */
    public static final String SUGGESTION_ACCEPTANCE_RATE = "suggestion.acceptance_rate";
    /** Growth of merged PRs over the previous period of the same length, ratio (0.1 = 10 % more, at least -1). */
    public static final String ACTIVITY_GROWTH = "activity.growth";
    /** Total cost of the priced usage records, US dollars. */
    public static final String COST_TOTAL = "cost.total";
    /** DORA: mean time to restore service (MTTR), seconds. */
    public static final String DORA_TIME_TO_RESTORE_MEAN = "dora.time_to_restore.mean";
    /** DORA: median failed-deployment recovery time, seconds. */
    public static final String DORA_RECOVERY_TIME_MEDIAN = "dora.recovery_time.median";
    /** DORA: deployment rework rate, ratio 0..1. */
    public static final String DORA_REWORK_RATE = "dora.rework_rate";

    private static final Map<String, Spec> KNOWN;

    static {
        Map<String, Spec> m = new LinkedHashMap<>();
        BigDecimal zero = BigDecimal.ZERO;
        BigDecimal one = BigDecimal.ONE;
        m.put(CI_DURATION_MEDIAN, new Spec(Unit.SECONDS, zero, null));
        m.put(CI_DURATION_P95, new Spec(Unit.SECONDS, zero, null));
        m.put(CI_FEEDBACK_LATENCY_MEDIAN, new Spec(Unit.SECONDS, zero, null));
        m.put(CI_CACHE_HIT_RATE, new Spec(Unit.RATIO, zero, one));
        m.put(CI_RUNNER_UTILIZATION, new Spec(Unit.RATIO, zero, one));
        m.put(CI_ROUNDS_PER_PR, new Spec(Unit.COUNT, zero, null));
        m.put(SANDBOX_SPINUP_MEDIAN, new Spec(Unit.SECONDS, zero, null));
        m.put(DEPLOY_FREQUENCY_PER_WEEK, new Spec(Unit.PER_WEEK, zero, null));
        m.put(PR_THROUGHPUT_PER_DAY, new Spec(Unit.PER_DAY, zero, null));
        m.put(MERGES_PER_WEEK, new Spec(Unit.PER_WEEK, zero, null));
        m.put(MERGE_QUEUE_WAIT_P50, new Spec(Unit.SECONDS, zero, null));
        m.put(ROLLBACK_MEAN_TIME, new Spec(Unit.SECONDS, zero, null));
        m.put(ROLLBACK_SUCCESS_RATE, new Spec(Unit.RATIO, zero, one));
        m.put(REVIEW_AUTO_APPROVE_RATE, new Spec(Unit.RATIO, zero, one));
        m.put(ITS_MEAN, new Spec(Unit.COUNT, zero, null));
        m.put(COST_PER_ITERATION, new Spec(Unit.USD, zero, null));
        m.put(COST_PER_FEATURE_QOQ_CHANGE, new Spec(Unit.RATIO, null, null));
        m.put(COST_PER_MERGED_PR, new Spec(Unit.USD, zero, null));
        m.put(COST_PER_FEATURE, new Spec(Unit.USD, zero, null));
        m.put(ITS_MEDIAN, new Spec(Unit.COUNT, zero, null));
        m.put(DORA_DEPLOYMENT_FREQUENCY_PER_DAY, new Spec(Unit.PER_DAY, zero, null));
        m.put(DORA_LEAD_TIME_MEDIAN, new Spec(Unit.SECONDS, zero, null));
        m.put(DORA_CHANGE_FAILURE_RATE, new Spec(Unit.RATIO, zero, one));
        m.put(DORA_TIME_TO_RESTORE_MEDIAN, new Spec(Unit.SECONDS, zero, null));
        m.put(CI_FEEDBACK_LATENCY_P95, new Spec(Unit.SECONDS, zero, null));
        m.put(MERGE_QUEUE_WAIT_P95, new Spec(Unit.SECONDS, zero, null));
        m.put(PR_THROUGHPUT_PER_DEVELOPER_WEEK, new Spec(Unit.PER_WEEK, zero, null));
        m.put(AGENT_AUTONOMY, new Spec(Unit.RATIO, zero, one));
        m.put(TEST_ORACLE_RELIABILITY, new Spec(Unit.RATIO, zero, one));
        m.put(LICENCE_UTILIZATION, new Spec(Unit.RATIO, zero, one));
        m.put(SUGGESTION_ACCEPTANCE_RATE, new Spec(Unit.RATIO, zero, one));
        m.put(ACTIVITY_GROWTH, new Spec(Unit.RATIO, one.negate(), null));
        m.put(COST_TOTAL, new Spec(Unit.USD, zero, null));
        m.put(DORA_TIME_TO_RESTORE_MEAN, new Spec(Unit.SECONDS, zero, null));
        m.put(DORA_RECOVERY_TIME_MEDIAN, new Spec(Unit.SECONDS, zero, null));
        m.put(DORA_REWORK_RATE, new Spec(Unit.RATIO, zero, one));
        KNOWN = Collections.unmodifiableMap(m);
    }

    private MetricKeys() {}

    /** The unit and inclusive range of a well-known key; a null bound is open. */
    private record Spec(Unit unit, @Nullable BigDecimal min, @Nullable BigDecimal max) {}

    /**
     * The well-known keys, in declaration order.
     *
     * @return the keys
     */
    public static Set<String> known() {
        return KNOWN.keySet();
    }

    /**
     * The unit a well-known key must have.
     *
     * @param key the key
     * @return the unit, or null for a custom key
     */
    public static @Nullable Unit unitOf(String key) {
        Spec s = KNOWN.get(key);
        return s == null ? null : s.unit();
    }

    /**
     * Checks that a key is well formed (lower-case dotted segments).
     *
     * @param key the key
     * @param field the field name for the error message
     * @return the key
     * @throws IllegalArgumentException if the key is null or malformed
     */
    public static String checkKey(@Nullable String key, String field) {
        Checks.notNull(key, field);
        if (!KEY.matcher(key).matches()) {
            throw Checks.invalid(field, "must be a lower-case dotted metric key like 'ci.duration.median'", key);
        }
        return key;
    }

    /**
     * Checks that a well-known key is given in its unit; custom keys pass.
     *
     * @param key the key
     * @param unit the unit
     * @throws IllegalArgumentException if the key is well-known and the unit differs
     */
    public static void checkUnit(String key, Unit unit) {
        Spec s = KNOWN.get(key);
        if (s != null && !s.unit().equals(unit)) {
            throw Checks.invalid("unit of " + key, "must be '" + s.unit().symbol() + "'", unit.symbol());
        }
    }

    /**
     * Checks a value against a well-known key's unit and range; custom keys pass.
     *
     * @param key the key
     * @param value the value
     * @param unit the unit
     * @throws IllegalArgumentException if the unit differs or the value is out of range
     */
    public static void checkKnown(String key, BigDecimal value, Unit unit) {
        checkUnit(key, unit);
        Spec s = KNOWN.get(key);
        if (s == null) {
            return;
        }
        if ((s.min() != null && value.compareTo(s.min()) < 0) || (s.max() != null && value.compareTo(s.max()) > 0)) {
            throw Checks.invalid(key, "must be between " + bound(s.min()) + " and " + bound(s.max()), value);
        }
    }

    private static String bound(@Nullable BigDecimal b) {
        return b == null ? "unbounded" : Unit.plain(b);
    }
}
