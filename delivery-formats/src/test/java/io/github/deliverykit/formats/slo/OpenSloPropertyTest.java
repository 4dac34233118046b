package io.github.deliverykit.formats.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.deliverykit.core.time.CalendarUnit;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.formats.FormatException;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class OpenSloPropertyTest {

    private static final String SAMPLE = Samples.text("openslo/checkout.yaml");

    /** A mutated file reads, or fails with a FormatException; never anything else. */
    @Property(tries = 300)
    void read_mutated_givesResultOrFormatException(@ForAll("mutations") String yaml) {
        try {
            OpenSlo.read("mutated.yaml", new StringReader(yaml));
        } catch (FormatException expected) {
            // the documented failure
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLE.length() - 1),
                Arbitraries.integers().between(0, 12), Arbitraries.strings().withChars(" :-[]{}\n#'\"0.9xM").ofMaxLength(4))
                .as((at, cut, insert) -> SAMPLE.substring(0, at) + insert + SAMPLE.substring(Math.min(SAMPLE.length(), at + cut)));
    }

    /** Writing then reading gives the same definitions. */
    @Property(tries = 200)
    void write_thenRead_roundTrips(@ForAll("definitions") SloDefinition d) {
        SloDocuments back = OpenSlo.read("written.yaml", new StringReader(OpenSlo.write(List.of(d))));
        assertEquals(List.of(d), back.slos());
    }

    @Provide
    Arbitrary<SloDefinition> definitions() {
        Arbitrary<SloTarget> target = Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("99.999"))
                .ofScale(3).map(b -> {
                    BigDecimal s = b.stripTrailingZeros();
                    return new SloTarget(s.scale() < 0 ? s.setScale(0) : s);
                });
        Arbitrary<Window> window = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 100_000).map(m -> (Window) Window.rolling(Duration.ofMinutes(m))),
                Combinators.combine(Arbitraries.of(CalendarUnit.class), Arbitraries.of("UTC", "Europe/Berlin", "America/New_York"))
                        .as((u, z) -> (Window) Window.calendar(u, ZoneId.of(z))));
        Arbitrary<BudgetingMethod> method = Arbitraries.oneOf(
                Arbitraries.just(BudgetingMethod.occurrences()),
                Arbitraries.longs().between(1, 3_600).map(s -> (BudgetingMethod) BudgetingMethod.ratioTimeslices(Duration.ofSeconds(s))),
                Combinators.combine(Arbitraries.longs().between(1, 3_600), Arbitraries.integers().between(1, 100))
                        .as((s, p) -> (BudgetingMethod) BudgetingMethod.timeslices(Duration.ofSeconds(s),
                                BigDecimal.valueOf(p, 2).stripTrailingZeros())));
        Arbitrary<BurnRateRule> rule = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.of(AlertSeverity.class), Arbitraries.longs().between(12, 10_000), Arbitraries.longs().between(1, 12),
                Arbitraries.integers().between(1, 100_000))
                .as((n, sev, longMin, div, f) -> new BurnRateRule(n, sev, Duration.ofMinutes(longMin),
                        Duration.ofMinutes(longMin / div), BigDecimal.valueOf(f, 2)));
        Arbitrary<AlertTable> alerts = rule.list().ofMinSize(1).ofMaxSize(4).uniqueElements(BurnRateRule::name)
                .map(rules -> new AlertTable("policy", rules)).injectNull(0.3);
        return Combinators.combine(target, window, method, alerts, Arbitraries.of("idx", "").injectNull(0.3))
                .as((t, w, m, a, ind) -> new SloDefinition("slo", "objective", new Slo("svc", t, w, m),
                        ind == null || ind.isEmpty() ? null : ind, a));
    }
}
