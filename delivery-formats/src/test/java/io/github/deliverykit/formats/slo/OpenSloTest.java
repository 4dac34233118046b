package io.github.deliverykit.formats.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.time.CalendarUnit;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.Samples;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.budget.Slo.BudgetingMethod;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class OpenSloTest {

    private static SloDocuments read(String yaml) {
        return OpenSlo.read("test.yaml", new StringReader(yaml));
    }

    private static final String HEAD = "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: s\nspec:\n  service: api\n";

    @Test
    void read_sample_mapsBothSlosAndTheirAlerts() {
        SloDocuments docs = OpenSlo.read(Samples.path("openslo/checkout.yaml"));
        assertEquals(List.of("checkout"), docs.services());
        assertEquals(2, docs.slos().size());

        SloDefinition availability = docs.slos().get(0);
        assertEquals("checkout-availability", availability.name());
        assertEquals("available", availability.objective());
        assertEquals("checkout-availability", availability.indicator());
        assertEquals(new Slo("checkout", SloTarget.parse("99.9"), Window.days(30), BudgetingMethod.occurrences()),
                availability.slo());
        AlertTable table = availability.alertTable().orElseThrow();
        assertEquals("checkout-burn", table.id());
        assertEquals(List.of(
                new BurnRateRule("fast-burn", AlertSeverity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), new BigDecimal("14.4")),
                new BurnRateRule("slow-burn", AlertSeverity.TICKET, Duration.ofDays(3), Duration.ofHours(6), BigDecimal.ONE)),
                table.rules());

        SloDefinition latency = docs.slos().get(1);
        assertEquals("checkout-latency-p99", latency.indicator());
        assertEquals(new Slo("checkout", SloTarget.parse("99"),
                Window.calendar(CalendarUnit.MONTH, ZoneId.of("Europe/Berlin")),
                BudgetingMethod.timeslices(Duration.ofMinutes(1), new BigDecimal("0.95"))), latency.slo());
        assertNull(latency.alerts());

        assertEquals(7, docs.report().read());
        assertEquals(7, docs.report().accepted());
        // the fast-burn condition has no short-window annotation and an alertAfter: both are noted
        assertEquals(2, docs.report().count(IssueKind.NOTE), docs.report().issues().toString());
    }

    @Test
    void write_sample_roundTrips() {
        SloDocuments docs = OpenSlo.read(Samples.path("openslo/checkout.yaml"));
        String yaml = OpenSlo.write(docs.slos());
        SloDocuments again = read(yaml);
        assertEquals(docs.slos(), again.slos());
        assertEquals(0, again.report().count(IssueKind.NOTE), again.report().issues().toString());
    }

    @Test
    void read_ratioTimeslicesAndNumericSliceWindow() {
        SloDocuments docs = read(HEAD + "  timeWindow:\n    - duration: 4w\n      isRolling: true\n"
                + "  budgetingMethod: RatioTimeslices\n  objectives:\n    - target: 0.95\n      timeSliceWindow: 300\n");
        SloDefinition d = docs.slos().get(0);
        assertEquals("objective-1", d.objective());
        assertEquals(BudgetingMethod.ratioTimeslices(Duration.ofMinutes(5)), d.slo().method());
        assertEquals(Window.days(28), d.slo().window());
        assertEquals(SloTarget.parse("95"), d.slo().target());
    }

    @Test
    void read_calendarWithoutZoneOrAlignedStart_isNoted() {
        SloDocuments docs = read(HEAD + "  timeWindow:\n    - duration: 1w\n      calendar:\n        startTime: 2024-01-03 12:00:00\n"
                + "  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n");
        assertEquals(Window.calendar(CalendarUnit.WEEK, ZoneId.of("UTC")), docs.slos().get(0).slo().window());
        assertEquals(2, docs.report().count(IssueKind.NOTE), docs.report().issues().toString());
    }

    @Test
    void read_unknownKindIsSkippedAndUnresolvedRefsReported() {
        SloDocuments docs = read("apiVersion: openslo/v1\nkind: DataSource\nmetadata:\n  name: prom\nspec: {}\n---\n"
                + HEAD + "  indicatorRef: missing\n  timeWindow:\n    - duration: 7d\n      isRolling: true\n"
                + "  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n  alertPolicies:\n    - alertPolicyRef: nope\n");
        assertEquals(1, docs.report().count(IssueKind.SKIPPED));
        assertEquals(1, docs.report().count(IssueKind.REJECTED));
        assertEquals(1, docs.report().count(IssueKind.NOTE));
        assertNull(docs.slos().get(0).alerts());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "apiVersion: openslo/v1alpha\\nkind: SLO\\nmetadata:\\n  name: s\\nspec: {}\\n|$.apiVersion|must be openslo/v1",
        "apiVersion: openslo/v1\\nkind: SLO\\nspec: {}\\n|$.metadata.name|is required",
        "TIMEWINDOW:\\n    - duration: 1M\\n      isRolling: true\\n  budgetingMethod: Occurrences\\n  objectives:\\n    - target: 0.9\\n|timeWindow[0].duration|fixed length",
        "TIMEWINDOW:\\n    - duration: 2M\\n      isRolling: false\\n  budgetingMethod: Occurrences\\n  objectives:\\n    - target: 0.9\\n|timeWindow[0].duration|one calendar unit",
        "TIMEWINDOW:\\n    - duration: 7d\\n      isRolling: true\\n  budgetingMethod: Occurrences\\n  objectives:\\n    - target: 1.5\\n|objectives[0].target|lower than 100",
        "TIMEWINDOW:\\n    - duration: 7d\\n      isRolling: true\\n  budgetingMethod: Occurrences\\n  objectives:\\n    - target: 0.9\\n      targetPercent: 90\\n|objectives[0]|both target and targetPercent",
        "TIMEWINDOW:\\n    - duration: 7d\\n      isRolling: true\\n  budgetingMethod: Timeslices\\n  objectives:\\n    - target: 0.9\\n|timeSliceWindow|is required",
        "TIMEWINDOW:\\n    - duration: 7d\\n      isRolling: true\\n  budgetingMethod: Weekly\\n  objectives:\\n    - target: 0.9\\n|budgetingMethod|must be Occurrences",
        "TIMEWINDOW:\\n    - duration: 7d\\n      isRolling: true\\n  budgetingMethod: Occurrences\\n  objectives: []\\n|objectives|at least one",
        "TIMEWINDOW:\\n    - duration: 7d\\n      isRolling: true\\n  budgetingMethod: Occurrences\\n  objectives:\\n    - target: [1]\\n|objectives[0].target|",
        "TIMEWINDOW:\\n    - duration: 1M\\n      calendar:\\n        timeZone: Mars/Olympus\\n  budgetingMethod: Occurrences\\n  objectives:\\n    - target: 0.9\\n|calendar.timeZone|IANA time zone",
        "apiVersion: openslo/v1\\nkind: SLO\\nkind: SLI\\n|line 3|Duplicate field",
        "apiVersion: openslo/v1\\nkind: [SLO\\n|line|",
        "- just\\n- a list\\n|document 1 (line 1)|must be a mapping",
    })
    void read_hostile_failsWithPositionAndProblem(String yaml, String position, @org.jspecify.annotations.Nullable String problem) {
        String text = yaml.replace("\\n", "\n").replace("TIMEWINDOW:", HEAD + "  timeWindow:");
        FormatException e = assertThrows(FormatException.class, () -> read(text));
        assertEquals("test.yaml", e.source());
        assertTrue(e.getMessage().contains(position), e.getMessage());
        if (problem != null) {
            assertTrue(e.getMessage().contains(problem), e.getMessage());
        }
    }

    @Test
    void read_alertConditionWithLowerOp_isRejectedWithPosition() {
        String yaml = HEAD + "  timeWindow:\n    - duration: 30d\n      isRolling: true\n  budgetingMethod: Occurrences\n"
                + "  objectives:\n    - target: 0.999\n  alertPolicies:\n    - kind: AlertPolicy\n      metadata:\n        name: p\n"
                + "      spec:\n        conditions:\n          - kind: AlertCondition\n            metadata:\n              name: c\n"
                + "            spec:\n              severity: page\n              condition:\n                kind: burnrate\n"
                + "                op: lte\n                threshold: 2\n                lookbackWindow: 1h\n";
        FormatException e = assertThrows(FormatException.class, () -> read(yaml));
        assertTrue(e.position().contains("alertPolicies[0], $.spec.conditions[0], $.spec.condition.op"), e.position());
    }

    @Test
    void write_timeBased_isRefused() {
        SloDefinition d = new SloDefinition("s", "o", Slo.timeBased("api", "99.9", Window.averageMonth()), null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenSlo.write(List.of(d)));
        assertTrue(e.getMessage().contains("time-based"), e.getMessage());
    }
}
