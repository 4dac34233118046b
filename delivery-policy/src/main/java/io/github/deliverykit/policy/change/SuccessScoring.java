package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the built-in {@code success-score} rule turns a service's own change history into a change
 * risk, in the spirit of ServiceNow's change success score: each change in the window adds its
 * weight ({@code +3} successful, {@code -2} completed with issues, {@code -5} failed) and each
 * incident caused by a change adds the weight of its severity ({@code -10} / {@code -5} / {@code -2}
 * for SEV-1 / SEV-2 / SEV-3, ServiceNow's P1 / P2 / P3; other severities 0). The score maps to a
 * risk by three thresholds: below {@link #veryHighBelow()} {@link Risk#VERY_HIGH}, below
 * {@link #highBelow()} {@link Risk#HIGH}, below {@link #moderateBelow()} {@link Risk#MODERATE},
 * otherwise {@link Risk#LOW}. The weights are ServiceNow's defaults; the window, the thresholds and
 * the minimum evidence are deliverykit's (ServiceNow's own ratings sit on its cumulative 0..1000
 * scale, which this window-based sum does not use).
 *
 * <p>Evidence that is too thin never gives a low risk silently: with fewer changes in the window
 * than {@link #minimumChanges()}, or a history that does not cover the whole window, the rule warns
 * and the risk is at least {@link #insufficientEvidenceRisk()}. Immutable; start from
 * {@link #ofDefaults()} and change what differs with the {@code with*} copies.
 *
 * @param successful the weight of a successful change
 * @param withIssues the weight of a change completed with issues (successful, but it caused an incident)
 * @param failed the weight of a failed change (FAILED or ROLLED_BACK)
 * @param incidentWeights the weight of an incident caused by a change, per severity (absent: 0)
 * @param window how far back from now the history counts
 * @param veryHighBelow a score below this is VERY_HIGH risk
 * @param highBelow a score below this is HIGH risk
 * @param moderateBelow a score below this is MODERATE risk; at or above it LOW
 * @param minimumChanges the fewest changes in the window for the score to count as evidence
 * @param insufficientEvidenceRisk the lowest risk when the evidence is partial or too thin
 */
public record SuccessScoring(
        int successful,
        int withIssues,
        int failed,
        SortedMap<Severity, Integer> incidentWeights,
        Duration window,
        long veryHighBelow,
        long highBelow,
        long moderateBelow,
        int minimumChanges,
        Risk insufficientEvidenceRisk) {

    /** ServiceNow's weight of a successful change. */
    public static final int DEFAULT_SUCCESSFUL = 3;
    /** ServiceNow's weight of a change completed with issues. */
    public static final int DEFAULT_WITH_ISSUES = -2;
    /** ServiceNow's weight of an unsuccessful change. */
    public static final int DEFAULT_FAILED = -5;
    /** ServiceNow's weights of P1 / P2 / P3 incidents caused by a change (SEV-1 / SEV-2 / SEV-3). */
    public static final SortedMap<Severity, Integer> DEFAULT_INCIDENT_WEIGHTS = Collections.unmodifiableSortedMap(
            new TreeMap<>(Map.of(Severity.SEV1, -10, Severity.SEV2, -5, Severity.SEV3, -2)));
    /** The history counted: the last 90 days. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    /** Below this score: VERY_HIGH risk. */
    public static final long DEFAULT_VERY_HIGH_BELOW = -20;
    /** Below this score: HIGH risk (more lost than earned). */
    public static final long DEFAULT_HIGH_BELOW = 0;
    /** Below this score: MODERATE risk; seven clean changes (21) are needed for LOW. */
    public static final long DEFAULT_MODERATE_BELOW = 20;
    /** The fewest changes in the window that count as evidence. */
    public static final int DEFAULT_MINIMUM_CHANGES = 5;
    /** The lowest risk when the evidence is partial or too thin. */
    public static final Risk DEFAULT_INSUFFICIENT_EVIDENCE_RISK = Risk.MODERATE;
    /** The largest weight magnitude accepted (keeps every score exact in a {@code long}). */
    public static final int MAX_WEIGHT = 1_000_000;
    /** The longest window accepted. */
    public static final Duration MAX_WINDOW = ChangeApprovalConfig.MAX_DURATION;

    private static final SuccessScoring DEFAULTS = new SuccessScoring(DEFAULT_SUCCESSFUL, DEFAULT_WITH_ISSUES,
            DEFAULT_FAILED, DEFAULT_INCIDENT_WEIGHTS, DEFAULT_WINDOW, DEFAULT_VERY_HIGH_BELOW, DEFAULT_HIGH_BELOW,
            DEFAULT_MODERATE_BELOW, DEFAULT_MINIMUM_CHANGES, DEFAULT_INSUFFICIENT_EVIDENCE_RISK);

    /**
     * Validates the scoring.
     *
     * @throws IllegalArgumentException if a weight is beyond {@link #MAX_WEIGHT}, the map or a key or
     *     value is null, the window is not positive or longer than {@link #MAX_WINDOW}, the thresholds
     *     are not ordered (very high &lt;= high &lt;= moderate), the minimum is negative or the risk null
     */
    public SuccessScoring {
        weight(successful, "successful");
        weight(withIssues, "withIssues");
        weight(failed, "failed");
        Checks.notNull(incidentWeights, "incidentWeights");
        TreeMap<Severity, Integer> copy = new TreeMap<>();
        for (Map.Entry<Severity, Integer> e : incidentWeights.entrySet()) {
            Severity s = Checks.notNull(e.getKey(), "incidentWeights key");
            copy.put(s, weight(Checks.notNull(e.getValue(), "incidentWeights[" + s + "]"), "incidentWeights[" + s + "]"));
        }
        incidentWeights = Collections.unmodifiableSortedMap(copy);
        Checks.positive(window, "window");
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw Checks.invalid("window", "must be at most " + MAX_WINDOW, window);
        }
        if (veryHighBelow > highBelow) {
            throw Checks.invalid("veryHighBelow", "must be at most highBelow (" + highBelow + ")", veryHighBelow);
        }
        if (highBelow > moderateBelow) {
            throw Checks.invalid("highBelow", "must be at most moderateBelow (" + moderateBelow + ")", highBelow);
        }
        Checks.nonNegative(minimumChanges, "minimumChanges");
        Checks.notNull(insufficientEvidenceRisk, "insufficientEvidenceRisk");
    }

    private static int weight(int value, String field) {
        return (int) Checks.inRange(value, -MAX_WEIGHT, MAX_WEIGHT, field);
    }

    /**
     * ServiceNow's weights with deliverykit's window, thresholds and minimum evidence.
     *
     * @return the defaults
     */
    public static SuccessScoring ofDefaults() {
        return DEFAULTS;
    }

    /**
     * The weight of an incident of a severity caused by a change.
     *
     * @param severity the severity
     * @return the weight, 0 when none is configured
     * @throws IllegalArgumentException if the severity is null
     */
    public int incidentWeight(Severity severity) {
        return incidentWeights.getOrDefault(Checks.notNull(severity, "severity"), 0);
    }

    /**
     * The risk a score maps to by the thresholds alone.
     *
     * @param score the score
     * @return VERY_HIGH, HIGH, MODERATE or LOW
     */
    public Risk riskOf(long score) {
        if (score < veryHighBelow) {
            return Risk.VERY_HIGH;
        }
        if (score < highBelow) {
            return Risk.HIGH;
        }
        return score < moderateBelow ? Risk.MODERATE : Risk.LOW;
    }

    /**
     * A copy with other change weights.
     *
     * @param successful the weight of a successful change
     * @param withIssues the weight of a change completed with issues
     * @param failed the weight of a failed change
     * @return the copy
     * @throws IllegalArgumentException if a weight is out of range
     */
    public SuccessScoring withChangeWeights(int successful, int withIssues, int failed) {
        return new SuccessScoring(successful, withIssues, failed, incidentWeights, window, veryHighBelow, highBelow,
                moderateBelow, minimumChanges, insufficientEvidenceRisk);
    }

    /**
     * A copy with other incident weights.
     *
     * @param weights the weight per severity (absent severities weigh 0)
     * @return the copy
     * @throws IllegalArgumentException if the map, a key or a value is null or a weight out of range
     */
    public SuccessScoring withIncidentWeights(Map<Severity, Integer> weights) {
        Checks.notNull(weights, "incidentWeights");
        TreeMap<Severity, Integer> copy = new TreeMap<>();
        for (Map.Entry<Severity, Integer> e : weights.entrySet()) {
            copy.put(Checks.notNull(e.getKey(), "incidentWeights key"), e.getValue());
        }
        return new SuccessScoring(successful, withIssues, failed, copy, window, veryHighBelow, highBelow, moderateBelow,
                minimumChanges, insufficientEvidenceRisk);
    }

    /**
     * A copy with another window.
     *
     * @param window how far back from now the history counts
     * @return the copy
     * @throws IllegalArgumentException if the window is null, not positive or too long
     */
    public SuccessScoring withWindow(Duration window) {
        return new SuccessScoring(successful, withIssues, failed, incidentWeights, window, veryHighBelow, highBelow,
                moderateBelow, minimumChanges, insufficientEvidenceRisk);
    }

    /**
     * A copy with other thresholds.
     *
     * @param veryHighBelow below this: VERY_HIGH
     * @param highBelow below this: HIGH
     * @param moderateBelow below this: MODERATE, else LOW
     * @return the copy
     * @throws IllegalArgumentException if they are not ordered
     */
    public SuccessScoring withThresholds(long veryHighBelow, long highBelow, long moderateBelow) {
        return new SuccessScoring(successful, withIssues, failed, incidentWeights, window, veryHighBelow, highBelow,
                moderateBelow, minimumChanges, insufficientEvidenceRisk);
    }

    /**
     * A copy with another minimum evidence.
     *
     * @param minimumChanges the fewest changes in the window that count as evidence
     * @param insufficientEvidenceRisk the lowest risk below it or with a partial history
     * @return the copy
     * @throws IllegalArgumentException if the minimum is negative or the risk null
     */
    public SuccessScoring withMinimumEvidence(int minimumChanges, Risk insufficientEvidenceRisk) {
        return new SuccessScoring(successful, withIssues, failed, incidentWeights, window, veryHighBelow, highBelow,
                moderateBelow, minimumChanges, insufficientEvidenceRisk);
    }
}
