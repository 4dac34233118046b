package io.github.deliverykit.formats.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.Samples;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.budget.Slo.BudgetingMethod;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import java.io.StringReader;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SlothPyrraTest {

    private static final String SLOTH = Samples.text("sloth/checkout.yaml");
    private static final String PYRRA = Samples.text("pyrra/checkout.yaml");

    @Test
    void sloth_sample_mapsObjectivesAndAlertWindows() {
        SloDocuments docs = SlothPyrra.readSloth(Samples.path("sloth/checkout.yaml"));
        assertEquals(2, docs.slos().size());
        SloDefinition a = docs.slos().get(0);
        assertEquals(new Slo("checkout", SloTarget.parse("99.9"), Window.days(30), BudgetingMethod.occurrences()), a.slo());
        assertEquals(AlertTable.sloth(Duration.ofDays(30)).rules(), a.alertTable().orElseThrow().rules());
        SloDefinition latency = docs.slos().get(1);
        assertEquals(SloTarget.parse("99"), latency.slo().target());
        assertTrue(latency.alertTable().orElseThrow().rules().stream().allMatch(r -> r.severity() == AlertSeverity.TICKET),
                "the disabled page alert drops the page rules");
        assertEquals(2, latency.alertTable().orElseThrow().rules().size());
    }

    @Test
    void pyrra_sample_mapsTargetWindowAndTable() {
        SloDocuments docs = SlothPyrra.readPyrra(Samples.path("pyrra/checkout.yaml"));
        SloDefinition d = docs.slos().get(0);
        assertEquals(new Slo("checkout-errors", SloTarget.parse("99.5"), Window.days(28), BudgetingMethod.occurrences()), d.slo());
        assertEquals(AlertTable.pyrra(Duration.ofDays(28)), d.alerts());
        SloDocuments off = SlothPyrra.readPyrra("p.yaml", new StringReader(PYRRA + "  alerting:\n    disabled: true\n"));
        assertNull(off.slos().get(0).alerts());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prometheus/v1|prometheus/v2|$.version",
        "objective: 99.9|objective: 100|$.slos[0].objective",
        "objective: 99.9|objective: high|$.slos[0].objective",
        "service: \"checkout\"|service: \"\"|$.service",
        "events:|nothing:|$.slos[0].sli",
    })
    void sloth_hostile(String from, String to, String position) {
        FormatException e = assertThrows(FormatException.class,
                () -> SlothPyrra.readSloth("s.yaml", new StringReader(SLOTH.replaceFirst(java.util.regex.Pattern.quote(from), to))));
        assertTrue(e.getMessage().contains(position), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pyrra.dev/v1alpha1|monitoring.coreos.com/v1|$.apiVersion",
        "\"99.5\"|\"abc\"|$.spec.target",
        "\"99.5\"|\"0\"|$.spec.target",
        "window: 4w|window: 1M|$.spec.window",
        "window: 4w|window: 2h|$.spec.window",
    })
    void pyrra_hostile(String from, String to, String position) {
        FormatException e = assertThrows(FormatException.class,
                () -> SlothPyrra.readPyrra("p.yaml", new StringReader(PYRRA.replace(from, to))));
        assertTrue(e.getMessage().contains(position), e.getMessage());
    }

    /** Mutated Sloth and Pyrra files read, or fail with a FormatException; never anything else. */
    @Property(tries = 200)
    void mutated_givesResultOrFormatException(@ForAll("mutations") String[] pair) {
        try {
            if (pair[0].equals("sloth")) {
                SlothPyrra.readSloth("m.yaml", new StringReader(pair[1]));
            } else {
                SlothPyrra.readPyrra("m.yaml", new StringReader(pair[1]));
            }
        } catch (FormatException expected) {
            // the documented failure
        }
    }

    @Provide
    Arbitrary<String[]> mutations() {
        return Arbitraries.of("sloth", "pyrra").flatMap(kind -> {
            String text = kind.equals("sloth") ? SLOTH : PYRRA;
            return Combinators.combine(Arbitraries.integers().between(0, text.length() - 1), Arbitraries.integers().between(0, 10),
                    Arbitraries.strings().withChars(" :-[]{}\n#'\"0.9xw").ofMaxLength(4))
                    .as((at, cut, ins) -> new String[] {kind, text.substring(0, at) + ins + text.substring(Math.min(text.length(), at + cut))});
        });
    }
}
