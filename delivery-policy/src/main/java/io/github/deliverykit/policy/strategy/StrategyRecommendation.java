package io.github.deliverykit.policy.strategy;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.policy.strategy.StrategyInput.DeploymentConstraints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision of {@link StrategySelection}: the recommended deployment strategy (the verdict) and
 * the ranked alternatives, each with its reasons. The canary package turns the chosen strategy into
 * its default rollout plan ({@code RolloutPlan.of(recommendation)}); release readiness reports it.
 *
 * @param input the input it was made for
 * @param ranking all four strategies, best first
 */
public record StrategyRecommendation(StrategyInput input, List<RankedStrategy> ranking)
        implements Decided<StrategyRecommendation.Verdict> {

    /** Whether a strategy is recommended. */
    public enum Verdict {
        /** The best-scored strategy is feasible and recommended ({@link #recommended()}). */
        RECOMMENDED,
        /**
         * Every strategy is ruled out by a constraint: none is recommended; {@link #bestScored()} is
         * the least bad one and its FAIL reasons say which constraint to relax.
         */
        NONE_FEASIBLE
    }

    /**
     * Validates the recommendation.
     *
     * @throws IllegalArgumentException if a field is null or the ranking is empty
     */
    public StrategyRecommendation {
        Checks.notNull(input, "input");
        ranking = Checks.listOf(ranking, "ranking");
        if (ranking.isEmpty()) {
            throw Checks.invalid("ranking", "must not be empty", ranking);
        }
    }

    /**
     * One strategy in a recommendation's ranking.
     *
     * @param strategy the strategy
     * @param rank its rank, 1 = recommended
     * @param score its score (higher is better; only comparable within one recommendation)
     * @param feasible whether no constraint rules it out
     * @param reasons why it scored as it did: PASS for a point in favour, WARN against, FAIL ruling it out
     */
    public record RankedStrategy(DeploymentStrategy strategy, int rank, int score, boolean feasible, Findings reasons) {

        /**
         * Validates the entry.
         *
         * @throws IllegalArgumentException if a field is null or the rank not positive
         */
        public RankedStrategy {
            Checks.notNull(strategy, "strategy");
            Checks.positive(rank, "rank");
            Checks.notNull(reasons, "reasons");
        }
    }

    /**
     * The constraints it was made for.
     *
     * @return the constraints
     */
    public DeploymentConstraints constraints() {
        return input.constraints();
    }

    /**
     * The recommended strategy: rank 1 when it is feasible.
     *
     * @return the strategy, empty when no strategy is feasible ({@link Verdict#NONE_FEASIBLE})
     */
    public Optional<DeploymentStrategy> recommended() {
        return feasible() ? Optional.of(bestScored()) : Optional.empty();
    }

    /**
     * The best-scored strategy (rank 1), feasible or not.
     *
     * @return the strategy
     */
    public DeploymentStrategy bestScored() {
        return ranking.get(0).strategy();
    }

    /**
     * {@link Verdict#RECOMMENDED}, or {@link Verdict#NONE_FEASIBLE} when every strategy is ruled out.
     *
     * @return the verdict
     */
    @Override
    public Verdict verdict() {
        return feasible() ? Verdict.RECOMMENDED : Verdict.NONE_FEASIBLE;
    }

    /**
     * Whether the best-scored strategy is feasible; false when every strategy is ruled out by a
     * constraint, in which case none is recommended and the best-scored one's FAIL reasons say what to relax.
     *
     * @return true when feasible
     */
    public boolean feasible() {
        return ranking.get(0).feasible();
    }

    /**
     * The alternatives, best first.
     *
     * @return ranks 2 and below
     */
    public List<RankedStrategy> alternatives() {
        return ranking.subList(1, ranking.size());
    }

    /**
     * The recommended strategy's rollback action (from the seed's table).
     *
     * @return e.g. "switch traffic back to the previous environment"; empty when no strategy is feasible
     */
    public Optional<String> rollbackPlan() {
        return recommended().map(DeploymentStrategy::rollbackAction);
    }

    /**
     * Why the strategy was chosen, in a release report's words: {@code recommended for this release
     * size} when it was chosen for a release (type and size known), empty otherwise.
     *
     * @return the rationale, or an empty string
     */
    public String rationale() {
        return input.releaseType() == null ? "" : "recommended for this release size";
    }

    /**
     * The findings: a summary ({@code strategy.recommended} PASS, or {@code strategy.none_feasible}
     * FAIL when nothing is feasible), the reasons of the best-scored strategy, then one {@code strategy.alternative} line per alternative.
     *
     * @return the findings
     */
    @Override
    public Findings findings() {
        RankedStrategy top = ranking.get(0);
        DeploymentStrategy s = top.strategy();
        List<Finding> fs = new ArrayList<>();
        if (top.feasible()) {
            fs.add(Finding.pass("strategy.recommended", Checks.message("%s recommended: rollback %s (%s), risk %s",
                    s.id(), s.rollbackSpeed(), s.rollbackAction(), s.risk()),
                    Facts.of("strategy", s.id(), "score", top.score(), "feasible", true,
                            "rollbackSpeed", s.rollbackSpeed(), "risk", s.risk())));
        } else {
            fs.add(Finding.fail("strategy.none_feasible", Checks.message(
                    "No strategy is feasible: every one is ruled out by a constraint; %s scored best (score %d),"
                            + " relax what rules it out", s.id(), top.score()),
                    Facts.of("bestScored", s.id(), "score", top.score(), "feasible", false)));
        }
        fs.addAll(top.reasons().list());
        for (RankedStrategy alt : alternatives()) {
            fs.add(Finding.info("strategy.alternative", Checks.message("#%d %s (score %d%s)", alt.rank(),
                    alt.strategy().id(), alt.score(), alt.feasible() ? "" : ", ruled out"),
                    Facts.of("strategy", alt.strategy().id(), "rank", alt.rank(), "score", alt.score(),
                            "feasible", alt.feasible())));
        }
        return Findings.of(fs);
    }
}
