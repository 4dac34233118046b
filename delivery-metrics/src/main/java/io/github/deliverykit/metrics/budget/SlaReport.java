package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.metric.SlaStatus;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Findings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.deliverykit.metrics.budget.BudgetStatus.BudgetUnit;
import io.github.deliverykit.metrics.budget.BudgetStatus.IncidentCharge;

/**
 * The SLA / error budget report of one service: target, window, budget, each consuming incident,
 * maintenance excluded, consumed, remaining, burn rate, the status ON_TRACK / AT_RISK / BREACHED (core {@link SlaStatus})
 * with the rule that decided it, and the exhaustion forecast. Rendering is deterministic: the same
 * status gives the same text and Markdown, byte for byte.
 *
 * <p>Rules, first match wins: {@code sla.breached} when remaining is zero or negative;
 * {@code sla.at-risk} when the burn rate exceeds the at-risk burn rate (default 1.0: the budget runs
 * out before the period ends); otherwise {@code sla.on-track}.
 *
 * @param budget the budget status
 * @param status the verdict
 * @param atRiskBurnRate the burn rate above which the service is at risk
 * @param findings the findings, ending with the deciding rule
 */
public record SlaReport(BudgetStatus budget, SlaStatus status, BigDecimal atRiskBurnRate, Findings findings)
        implements Decided<SlaStatus> {

    /**
     * The status as the verdict of this decision (the same as {@link #status()}).
     *
     * @return the status
     */
    @Override
    public SlaStatus verdict() {
        return status;
    }

    /** The default at-risk burn rate: 1.0, spending exactly the budget by the period's end. */
    public static final BigDecimal DEFAULT_AT_RISK_BURN_RATE = BigDecimal.ONE;

    private static final Logger LOG = LoggerFactory.getLogger(SlaReport.class);

    /**
     * Validates the report.
     *
     * @throws IllegalArgumentException if a field is null, the at-risk burn rate is not positive or
     *     the findings are empty (the last one must be the deciding rule)
     */
    public SlaReport {
        Checks.notNull(budget, "budget");
        Checks.notNull(status, "status");
        Decimals.positive(atRiskBurnRate, "atRiskBurnRate");
        Checks.notNull(findings, "findings");
        if (findings.size() == 0) {
            throw Checks.invalid("findings", "must not be empty: the last finding is the rule that decided "
                    + status, findings.size());
        }
    }

    /**
     * The report with the default at-risk burn rate of 1.0.
     *
     * @param budget the budget status
     * @return the report
     */
    public static SlaReport of(BudgetStatus budget) {
        return of(budget, DEFAULT_AT_RISK_BURN_RATE);
    }

    /**
     * The report with a custom at-risk burn rate.
     *
     * @param budget the budget status
     * @param atRiskBurnRate the burn rate above which the status is AT_RISK, positive
     * @return the report
     * @throws IllegalArgumentException if an argument is null or the rate is not positive
     */
    public static SlaReport of(BudgetStatus budget, BigDecimal atRiskBurnRate) {
        Checks.notNull(budget, "budget");
        Decimals.positive(atRiskBurnRate, "atRiskBurnRate");
        BudgetUnit u = budget.unit();
        List<Finding> f = new ArrayList<>();
        f.add(Finding.info("budget.allowed", Checks.message("%s over %s allows %s", budget.slo().target(),
                budget.slo().window().label(), amount(budget.allowed(), u)),
                Facts.of("target", budget.slo().target().percent(), "window", budget.slo().window().label(),
                        "method", budget.slo().method().openSloName(), "period", budget.period(),
                        "allowed", budget.allowed(), "unit", u)));
        for (IncidentCharge c : budget.incidents()) {
            f.add(Finding.info("budget.incident", Checks.message("incident %s (%s) consumed %s", c.id(), c.severity(),
                    amount(c.chargedSeconds(), u)), Facts.of("incident", c.id(), "severity", c.severity(),
                    "impact", c.impact(), "interval", c.interval(), "maintenanceExcluded", c.maintenanceExcluded(),
                    "charged", c.chargedSeconds())));
        }
        if (!budget.maintenanceExcluded().isZero()) {
            f.add(Finding.info("budget.maintenance-excluded", Checks.message("scheduled maintenance excluded: %s",
                    amount(ErrorBudgets.seconds(budget.maintenanceExcluded()), BudgetUnit.SECONDS)),
                    Facts.of("maintenanceExcluded", budget.maintenanceExcluded())));
        }
        f.add(Finding.info("budget.consumed", Checks.message("consumed %s (%s%%)", amount(budget.consumed(), u),
                percent(budget.consumedPercent())), Facts.of("consumed", budget.consumed(),
                "consumedPercent", budget.consumedPercent())));
        f.add(Finding.info("budget.remaining", Checks.message("remaining %s (%s%%)", amount(budget.remaining(), u),
                percent(budget.remainingPercent())), Facts.of("remaining", budget.remaining(),
                "remainingPercent", budget.remainingPercent(), "overspend", budget.overspend())));
        f.add(Finding.info("budget.burn-rate", Checks.message("burn rate %sx with %s%% of the period elapsed",
                plain(budget.burnRate(), 4), percent(budget.elapsedFraction().movePointRight(2))),
                Facts.of("burnRate", budget.burnRate(), "elapsedFraction", budget.elapsedFraction())));
        f.add(budget.exhaustion().map(d -> Finding.info("budget.exhaustion", Checks.message(
                "at this burn rate the budget is spent in %s (%s)", d, budget.exhaustsAt().map(String::valueOf)
                        .orElse("beyond the supported range")), Facts.of("timeToExhaustion", d)))
                .orElseGet(() -> Finding.info("budget.exhaustion", "at this burn rate the budget is never spent",
                        Facts.none())));
        if (budget.resetsBeforeExhaustion()) {
            Duration d = budget.timeToExhaustion();
            f.add(Finding.info("budget.resets-first", Checks.message(
                    "the period resets at %s, before the forecast exhaustion: at this burn rate the budget "
                            + "lasts this period", budget.period().end()),
                    Facts.of("timeToExhaustion", d, "periodEnd", budget.period().end(),
                            "timeToReset", Duration.between(budget.at(), budget.period().end()))));
        }
        SlaStatus status;
        if (budget.isExhausted()) {
            status = SlaStatus.BREACHED;
            f.add(Finding.fail("sla.breached", Checks.message("budget exhausted: remaining %s, overspend %s",
                    amount(budget.remaining(), u), amount(budget.overspend(), u)),
                    Facts.of("remaining", budget.remaining(), "overspend", budget.overspend())));
        } else if (budget.burnRate().compareTo(atRiskBurnRate) > 0) {
            status = SlaStatus.AT_RISK;
            f.add(Finding.warn("sla.at-risk", Checks.message("burn rate %sx exceeds %sx: the budget runs out early",
                    plain(budget.burnRate(), 4), atRiskBurnRate.stripTrailingZeros().toPlainString()),
                    Facts.of("burnRate", budget.burnRate(), "atRiskBurnRate", atRiskBurnRate)));
        } else {
            status = SlaStatus.ON_TRACK;
            f.add(Finding.pass("sla.on-track", Checks.message("burn rate %sx is at most %sx",
                    plain(budget.burnRate(), 4), atRiskBurnRate.stripTrailingZeros().toPlainString()),
                    Facts.of("burnRate", budget.burnRate(), "atRiskBurnRate", atRiskBurnRate)));
        }
        LOG.debug("SLA report {}: {}", budget.slo().service(), status);
        return new SlaReport(budget, status, atRiskBurnRate, Findings.of(f));
    }

    /**
     * The finding of the rule that decided the status.
     *
     * @return the last finding
     */
    public Finding decidingRule() {
        return findings.list().get(findings.size() - 1);
    }

    /**
     * Plain text, one fact per line.
     *
     * @return the rendered report, ending in a newline
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows()) {
            sb.append(row[0]).append(": ").append(row[1]).append('\n');
        }
        return sb.toString();
    }

    /**
     * Markdown: a heading, a two-column table and the findings table.
     *
     * @return the rendered report
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("## SLA report: ").append(budget.slo().service()).append("\n\n");
        sb.append("| item | value |\n| --- | --- |\n");
        for (String[] row : rows()) {
            sb.append("| ").append(cell(row[0])).append(" | ").append(cell(row[1])).append(" |\n");
        }
        sb.append('\n').append(findings.toMarkdown());
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private List<String[]> rows() {
        BudgetUnit u = budget.unit();
        List<String[]> r = new ArrayList<>();
        r.add(new String[] {"Service", budget.slo().service()});
        r.add(new String[] {"Target", budget.slo().target() + " (" + budget.slo().method().openSloName() + ")"});
        r.add(new String[] {"Window", budget.slo().window().label() + ", period " + budget.period()});
        r.add(new String[] {"Evaluated at", budget.at() + " (" + percent(budget.elapsedFraction().movePointRight(2))
                + "% of the period elapsed)"});
        r.add(new String[] {"Budget", amount(budget.allowed(), u)});
        for (IncidentCharge c : budget.incidents()) {
            r.add(new String[] {"Incident " + c.id(), c.severity() + ", " + amount(c.chargedSeconds(), u)
                    + (c.impact().compareTo(BigDecimal.ONE) < 0 ? ", impact " + c.impact().toPlainString() : "")});
        }
        r.add(new String[] {"Maintenance excluded", amount(ErrorBudgets.seconds(budget.maintenanceExcluded()),
                BudgetUnit.SECONDS)});
        r.add(new String[] {"Consumed", amount(budget.consumed(), u) + " (" + percent(budget.consumedPercent()) + "%)"});
        r.add(new String[] {"Remaining", amount(budget.remaining(), u) + " (" + percent(budget.remainingPercent()) + "%)"});
        r.add(new String[] {"Burn rate", plain(budget.burnRate(), 4) + "x"});
        r.add(new String[] {"Status", status + " (" + decidingRule().code() + ")"});
        r.add(new String[] {"Time to exhaustion", budget.exhaustion().map(d -> d + budget.exhaustsAt()
                .map(t -> " (" + t + ")").orElse("")
                + (budget.resetsBeforeExhaustion() ? ", after the period resets at " + budget.period().end() : ""))
                .orElse("never at this burn rate")});
        return r;
    }

    static String amount(BigDecimal value, BudgetUnit unit) {
        switch (unit) {
            case SECONDS:
                return plain(value.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN), 2) + " min";
            case EVENTS:
                return plain(value, 2) + " events";
            default:
                return plain(value, 4) + " slices";
        }
    }

    static String percent(BigDecimal value) {
        return plain(value, 2);
    }

    static String plain(BigDecimal value, int scale) {
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_EVEN);
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
