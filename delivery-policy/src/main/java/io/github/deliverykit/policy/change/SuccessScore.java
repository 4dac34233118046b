package io.github.deliverykit.policy.change;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.event.Severity;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.policy.change.ChangeDecision.Risk;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service's change-success score over a window, from its own history ({@link ChangeHistory#score}):
 * the counts per category, the score they give under a {@link SuccessScoring}, and how much of the
 * window the history covers. Immutable.
 *
 * @param service the service
 * @param window the window counted, half-open
 * @param covered the part of the window the history covers, or null when it covers none of it
 * @param successful changes that succeeded and caused no incident
 * @param withIssues changes that succeeded but caused at least one incident
 * @param failed changes that failed or were rolled back
 * @param inProgress changes still in progress (not scored)
 * @param incidentsCaused production incidents that started in the window and are attributed to a
 *     change of the service, per severity
 * @param unattributed production incidents of the service that started in the window and are
 *     attributed to no change (not scored)
 * @param score the weighted sum
 */
public record SuccessScore(
        String service,
        Interval window,
        @org.jspecify.annotations.Nullable Interval covered,
        int successful,
        int withIssues,
        int failed,
        int inProgress,
        SortedMap<Severity, Integer> incidentsCaused,
        int unattributed,
        long score) {

    /**
     * Validates the score.
     *
     * @throws IllegalArgumentException if a field is null or blank, a count negative, or the
     *     covered part not inside the window
     */
    public SuccessScore {
        Checks.notBlank(service, "service");
        Checks.notNull(window, "window");
        if (covered != null && (covered.start().isBefore(window.start()) || covered.end().isAfter(window.end()))) {
            throw Checks.invalid("covered", "must lie inside the window " + window, covered);
        }
        Checks.nonNegative(successful, "successful");
        Checks.nonNegative(withIssues, "withIssues");
        Checks.nonNegative(failed, "failed");
        Checks.nonNegative(inProgress, "inProgress");
        Checks.notNull(incidentsCaused, "incidentsCaused");
        TreeMap<Severity, Integer> copy = new TreeMap<>();
        for (Map.Entry<Severity, Integer> e : incidentsCaused.entrySet()) {
            Severity s = Checks.notNull(e.getKey(), "incidentsCaused key");
            copy.put(s, (int) Checks.nonNegative(Checks.notNull(e.getValue(), "incidentsCaused[" + s + "]"),
                    "incidentsCaused[" + s + "]"));
        }
        incidentsCaused = Collections.unmodifiableSortedMap(copy);
        Checks.nonNegative(unattributed, "unattributed");
    }

    /**
     * The finished changes scored.
     *
     * @return successful + with issues + failed
     */
    public long changes() {
        return (long) successful + withIssues + failed;
    }

    /**
     * The incidents caused by changes of one severity.
     *
     * @param severity the severity
     * @return the count, 0 when none
     * @throws IllegalArgumentException if the severity is null
     */
    public int caused(Severity severity) {
        return incidentsCaused.getOrDefault(Checks.notNull(severity, "severity"), 0);
    }

    /**
     * Whether the history covers the whole window.
     *
     * @return true when the covered part is the window
     */
    public boolean complete() {
        return window.equals(covered);
    }

    /**
     * Whether the score is evidence enough under a scoring: the whole window is covered and it holds
     * at least {@link SuccessScoring#minimumChanges()} changes.
     *
     * @param scoring the scoring
     * @return true when sufficient
     * @throws IllegalArgumentException if the scoring is null
     */
    public boolean sufficient(SuccessScoring scoring) {
        Checks.notNull(scoring, "scoring");
        return complete() && changes() >= scoring.minimumChanges();
    }

    /**
     * The risk under a scoring: the thresholds' risk, raised to at least
     * {@link SuccessScoring#insufficientEvidenceRisk()} when the evidence is not
     * {@link #sufficient sufficient}.
     *
     * @param scoring the scoring
     * @return the risk
     * @throws IllegalArgumentException if the scoring is null
     */
    public Risk risk(SuccessScoring scoring) {
        Risk byScore = Checks.notNull(scoring, "scoring").riskOf(score);
        if (!sufficient(scoring) && scoring.insufficientEvidenceRisk().compareTo(byScore) > 0) {
            return scoring.insufficientEvidenceRisk();
        }
        return byScore;
    }
}
