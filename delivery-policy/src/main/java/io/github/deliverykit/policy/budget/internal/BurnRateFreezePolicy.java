package io.github.deliverykit.policy.budget.internal;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Level;
import io.github.deliverykit.core.spi.RuleResult;
import io.github.deliverykit.metrics.budget.BudgetStatus;
import io.github.deliverykit.policy.budget.DeployFreeze.ChangeKind;
import io.github.deliverykit.policy.budget.DeployFreezeConfig;
import io.github.deliverykit.policy.budget.FreezeInput;
import io.github.deliverykit.policy.budget.spi.FreezePolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's deploy freeze: while the burn rate exceeds the threshold (1.5x by default), or the
 * budget is exhausted, non-critical deployments freeze until it normalises.
 *
 * <p>Findings, in order: {@code burn-rate.threshold}, then {@code burn-rate.budget}. A condition
 * that freezes is FAIL, or WARN when the change asked about is allowed while frozen. Stateless and
 * thread safe.
 */
public final class BurnRateFreezePolicy implements FreezePolicy {

    /** The id of this policy. */
    public static final String ID = "burn-rate";

    /** Creates the policy (the {@link java.util.ServiceLoader} constructor). */
    public BurnRateFreezePolicy() {
        // stateless
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult<Outcome> evaluate(FreezeInput input, DeployFreezeConfig config) {
        Checks.notNull(input, "input");
        Checks.notNull(config, "config");
        BudgetStatus b = input.budget();
        BigDecimal burn = input.burnRate();
        BigDecimal threshold = config.burnRateThreshold();
        String over = input.lookbackWindow().map(d -> "over the last " + d).orElse("over the budget period");
        boolean burning = burn.compareTo(threshold) > 0;
        boolean exhausted = b.isExhausted() && config.freezeWhenExhausted();
        ChangeKind kind = input.request().kind();
        Level freezeLevel = config.allowedWhileFrozen().contains(kind) ? Level.WARN : Level.FAIL;

        List<Finding> f = new ArrayList<>();
        Facts burnFacts = Facts.of("burnRate", burn, "threshold", threshold, "over",
                input.lookbackWindow().<Object>map(d -> d).orElse("budget period"));
        if (burning) {
            f.add(Finding.of(ID + ".threshold", freezeLevel, Checks.message(
                    "burn rate %sx %s exceeds %sx: non-critical deployments freeze until it normalises",
                    plain(burn), over, plain(threshold)), burnFacts));
        } else {
            f.add(Finding.pass(ID + ".threshold", Checks.message("burn rate %sx %s is at most %sx", plain(burn), over,
                    plain(threshold)), burnFacts));
        }
        Facts budgetFacts = Facts.of("remaining", b.remaining(), "remainingPercent", b.remainingPercent(),
                "freezeWhenExhausted", config.freezeWhenExhausted());
        if (exhausted) {
            f.add(Finding.of(ID + ".budget", freezeLevel, Checks.message(
                    "error budget exhausted (%s%% remaining)", plain(b.remainingPercent())), budgetFacts));
        } else if (b.isExhausted()) {
            f.add(Finding.warn(ID + ".budget", Checks.message(
                    "error budget exhausted (%s%% remaining), but exhaustion does not freeze in this config",
                    plain(b.remainingPercent())), budgetFacts));
        } else {
            f.add(Finding.pass(ID + ".budget", Checks.message("%s%% of the error budget remains",
                    plain(b.remainingPercent())), budgetFacts));
        }
        return RuleResult.of(new Outcome(burning || exhausted, burn), f);
    }

    private static String plain(BigDecimal v) {
        BigDecimal r = v.setScale(4, RoundingMode.HALF_EVEN);
        return r.signum() == 0 ? "0" : r.stripTrailingZeros().toPlainString();
    }
}
