package io.github.deliverykit.formats.slo;

import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.formats.internal.Yaml;
import io.github.deliverykit.formats.internal.OpenSloShapes.Calendar;
import io.github.deliverykit.formats.internal.OpenSloShapes.Condition;
import io.github.deliverykit.formats.internal.OpenSloShapes.ConditionItem;
import io.github.deliverykit.formats.internal.OpenSloShapes.ConditionSpec;
import io.github.deliverykit.formats.internal.OpenSloShapes.Document;
import io.github.deliverykit.formats.internal.OpenSloShapes.Inline;
import io.github.deliverykit.formats.internal.OpenSloShapes.Metadata;
import io.github.deliverykit.formats.internal.OpenSloShapes.Objective;
import io.github.deliverykit.formats.internal.OpenSloShapes.PolicyItem;
import io.github.deliverykit.formats.internal.OpenSloShapes.PolicySpec;
import io.github.deliverykit.formats.internal.OpenSloShapes.SloSpec;
import io.github.deliverykit.formats.internal.OpenSloShapes.TimeWindow;
import io.github.deliverykit.formats.internal.Shorthand;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.budget.Slo.BudgetingMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the OpenSLO documents of one SLO name. */
final class OpenSloWriting {

    private OpenSloWriting() {}

    static List<Document> documents(List<SloDefinition> group) {
        SloDefinition first = group.get(0);
        Slo slo = first.slo();
        List<Objective> objectives = new ArrayList<>();
        for (SloDefinition d : group) {
            Slo s = d.slo();
            if (!s.service().equals(slo.service()) || !s.window().equals(slo.window())
                    || !s.method().getClass().equals(slo.method().getClass())
                    || !Objects.equals(d.alerts(), first.alerts())) {
                throw new IllegalArgumentException("objectives of SLO '" + d.name()
                        + "' must share service, window, method kind and alerts to be one OpenSLO SLO");
            }
            objectives.add(objective(d));
        }
        List<PolicyItem> policies = null;
        AlertTable table = first.alerts();
        if (table != null) {
            List<ConditionItem> conditions = new ArrayList<>();
            for (BurnRateRule r : table.rules()) {
                conditions.add(new ConditionItem(null, "AlertCondition",
                        new Metadata(r.name(), null, null, Map.of(OpenSlo.SHORT_WINDOW_ANNOTATION, Shorthand.format(r.shortWindow()))),
                        Yaml.MAPPER.valueToTree(new ConditionSpec(null, r.severity() == AlertSeverity.PAGE ? "page" : "ticket",
                                new Condition("burnrate", "gte", r.factor(), Shorthand.format(r.longWindow()), null)))));
            }
            policies = List.of(new PolicyItem(null, "AlertPolicy", new Metadata(table.id(), null, null, null),
                    Yaml.MAPPER.valueToTree(new PolicySpec(null, null, null, true, conditions))));
        }
        SloSpec spec = new SloSpec(null, slo.service(),
                first.indicator() == null ? null : new Inline(null, new Metadata(first.indicator(), null, null, null), null), null, List.of(window(slo.window())),
                slo.method().openSloName(), objectives, policies);
        return List.of(new Document(OpenSlo.API_VERSION, "SLO", new Metadata(first.name(), null, null, null),
                Yaml.MAPPER.valueToTree(spec)));
    }

    private static Objective objective(SloDefinition d) {
        BigDecimal ratio = d.slo().target().ratio().stripTrailingZeros();
        BudgetingMethod m = d.slo().method();
        BigDecimal sliceTarget = null;
        String sliceWindow = null;
        if (m instanceof BudgetingMethod.Timeslices t) {
            sliceTarget = t.sliceTarget().stripTrailingZeros();
            sliceWindow = Shorthand.format(t.slice());
        } else if (m instanceof BudgetingMethod.RatioTimeslices r) {
            sliceWindow = Shorthand.format(r.slice());
        } else if (m instanceof BudgetingMethod.TimeBased) {
            throw new IllegalArgumentException("SLO '" + d.name()
                    + "' is time-based: OpenSLO has Occurrences, Timeslices and RatioTimeslices only");
        }
        return new Objective(d.objective(), null, null, ratio, null, sliceTarget, sliceWindow, null, null);
    }

    private static TimeWindow window(Window w) {
        if (w instanceof Window.Rolling r) {
            return new TimeWindow(Shorthand.format(r.length()), true, null);
        }
        Window.Calendar c = (Window.Calendar) w;
        return new TimeWindow(Shorthand.calendar(c.unit()), false, new Calendar(OpenSlo.CALENDAR_START, c.zone().getId()));
    }

}
