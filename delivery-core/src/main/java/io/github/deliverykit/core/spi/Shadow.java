package io.github.deliverykit.core.spi;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Shadow mode of one rule (Enterprise Contract's {@code effective_on}): a rule with an effective
 * date that has not come yet runs and reports what it would have decided, but does not enforce it.
 * Strictly before the effective date the rule is in shadow; at the effective date and after it, it
 * is enforced. Any engine that calls plug-ins through {@link Plugins#call} can use it the same way:
 *
 * <pre>{@code
 * RuleResult<E> r = Plugins.call(engine, rule, call, failed);
 * if (Shadow.applies(effectiveOn, now)) {
 *     Shadow shadow = Shadow.of(rule.id(), effectiveOn, r);   // the typed record for the decision
 *     r = shadow.demote(engine, r, notEnforced);              // what the decision uses instead
 * }
 * }</pre>
 *
 * <p>{@link #demote} keeps every finding of the rule but lowers a {@code FAIL} to {@code WARN},
 * replaces the extras by the engine's "not enforced" extras (so no typed result of the rule is
 * applied), and puts first a finding {@code <engine>.rule.shadow} with the facts {@code rule},
 * {@code effective_on}, {@code would_be} (the worst level the rule gave) and {@code codes}: a
 * {@code WARN} when the rule would have failed or warned, an {@code INFO} otherwise. Immutable.
 *
 * @param rule the rule id, not blank
 * @param effectiveOn the instant from which the rule is enforced
 * @param wouldBe the worst level among the rule's findings ({@link Level#INFO} when it gave none)
 * @param codes the codes of the rule's findings, in order
 */
public record Shadow(String rule, Instant effectiveOn, Level wouldBe, List<String> codes) {

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException if the rule is blank, a field null, or a code null
     */
    public Shadow {
        Checks.notBlank(rule, "rule");
        Checks.notNull(effectiveOn, "effectiveOn");
        Checks.notNull(wouldBe, "wouldBe");
        codes = Checks.listOf(codes, "codes");
    }

    /**
     * Whether a rule with this effective date is in shadow at an instant: strictly before the date.
     *
     * @param effectiveOn the effective date, or null for a rule that is always enforced
     * @param now the instant of the evaluation
     * @return true when {@code now} is before {@code effectiveOn}
     * @throws IllegalArgumentException if now is null
     */
    public static boolean applies(@Nullable Instant effectiveOn, Instant now) {
        Checks.notNull(now, "now");
        return effectiveOn != null && now.isBefore(effectiveOn);
    }

    /**
     * The shadow record of what a rule would have decided.
     *
     * @param rule the rule id
     * @param effectiveOn the effective date
     * @param wouldBe the rule's result, as {@link Plugins#call} returned it
     * @return the record
     * @throws IllegalArgumentException if an argument is null or the rule blank
     */
    public static Shadow of(String rule, Instant effectiveOn, RuleResult<?> wouldBe) {
        Checks.notNull(wouldBe, "wouldBe");
        return new Shadow(rule, effectiveOn, wouldBe.findings().isEmpty() ? Level.INFO : wouldBe.findings().worst(),
                wouldBe.findings().codes());
    }

    /**
     * Whether the rule would have failed had it been enforced.
     *
     * @return true when its worst level is FAIL
     */
    public boolean wouldFail() {
        return wouldBe == Level.FAIL;
    }

    /**
     * The engine's finding that states the rule is in shadow.
     *
     * @param engine the engine's namespace, e.g. {@code change}
     * @return {@code <engine>.rule.shadow}: WARN when the rule would have failed or warned, else INFO
     * @throws IllegalArgumentException if the engine is blank
     */
    public Finding finding(String engine) {
        Checks.notBlank(engine, "engine");
        Facts facts = Facts.of("rule", rule, "effective_on", effectiveOn, "would_be", wouldBe, "codes", codes);
        String message = "Rule " + rule + " is in shadow until " + effectiveOn + ": it would " + verb()
                + " but is not enforced";
        return wouldBe.compareTo(Level.WARN) >= 0 ? Finding.warn(engine + ".rule.shadow", message, facts)
                : Finding.info(engine + ".rule.shadow", message, facts);
    }

    private String verb() {
        return switch (wouldBe) {
            case FAIL -> "fail";
            case WARN -> "warn";
            case PASS -> "pass";
            case INFO -> "only inform";
        };
    }

    /**
     * The result the engine uses while the rule is in shadow: the shadow finding first, then the
     * rule's findings with FAIL lowered to WARN (code, message and facts kept), and the extras that
     * enforce nothing.
     *
     * @param <E> the extras type
     * @param engine the engine's namespace
     * @param result the rule's result
     * @param notEnforced the extras that apply nothing (for example no approvers, no risk)
     * @return the demoted result
     * @throws IllegalArgumentException if an argument is null or the engine blank
     */
    public <E> RuleResult<E> demote(String engine, RuleResult<E> result, E notEnforced) {
        Checks.notNull(result, "result");
        Checks.notNull(notEnforced, "notEnforced");
        List<Finding> out = new ArrayList<>();
        out.add(finding(engine));
        for (Finding f : result.findings()) {
            out.add(f.level() == Level.FAIL ? Finding.warn(f.code(), "[shadow until " + effectiveOn + "] "
                    + f.message(), f.facts()) : f);
        }
        return RuleResult.of(notEnforced, out);
    }
}
