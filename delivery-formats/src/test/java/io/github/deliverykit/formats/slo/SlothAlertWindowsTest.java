package io.github.deliverykit.formats.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.Samples;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class SlothAlertWindowsTest {

    private static final String SAMPLE = Samples.text("sloth/alert-windows.yaml");

    @Test
    void sample_workbookWindowsFor28Days() {
        SlothAlertWindows w = SlothAlertWindows.read(Samples.path("sloth/alert-windows.yaml"));
        assertEquals(Duration.ofDays(28), w.sloPeriod());
        List<BurnRateRule> rules = w.table().rules();
        assertEquals(List.of("page-quick", "page-slow", "ticket-quick", "ticket-slow"),
                rules.stream().map(BurnRateRule::name).toList());
        assertEquals(0, new BigDecimal("13.44").compareTo(rules.get(0).factor()), rules.toString());
        assertEquals(0, new BigDecimal("5.6").compareTo(rules.get(1).factor()));
        assertEquals(0, new BigDecimal("2.8").compareTo(rules.get(2).factor()));
        assertEquals(0, new BigDecimal("0.933333333333").compareTo(rules.get(3).factor()), rules.get(3).factor().toPlainString());
        assertEquals(Duration.ofMinutes(5), rules.get(0).shortWindow());
        assertEquals(Duration.ofHours(2), rules.get(2).shortWindow());
        assertEquals(AlertSeverity.TICKET, rules.get(3).severity());
    }

    @Test
    void thirtyDays_isSlothsDefaultTable() {
        String yaml = SAMPLE.replace("28d", "30d").replace("shortWindow: 2h", "shortWindow: 2h");
        AlertTable table = SlothAlertWindows.read("w.yaml", new StringReader(yaml)).table();
        AlertTable sloth = AlertTable.sloth(Duration.ofDays(30));
        for (int i = 0; i < 4; i++) {
            assertEquals(0, sloth.rules().get(i).factor().compareTo(table.rules().get(i).factor()), table.toString());
            assertEquals(sloth.rules().get(i).longWindow(), table.rules().get(i).longWindow());
        }
    }

    @Test
    void badDocuments_nameTheField() {
        assertEquals("$.kind", assertThrows(FormatException.class,
                () -> SlothAlertWindows.read("w.yaml", new StringReader(SAMPLE.replace("\"AlertWindows\"", "SLO")))).position());
        assertEquals("$.apiVersion", assertThrows(FormatException.class,
                () -> SlothAlertWindows.read("w.yaml", new StringReader(SAMPLE.replace("sloth.slok.dev/v1", "v2")))).position());
        assertEquals("$.spec.page.quick.errorBudgetPercent", assertThrows(FormatException.class,
                () -> SlothAlertWindows.read("w.yaml", new StringReader(SAMPLE.replace("errorBudgetPercent: 2\n",
                        "errorBudgetPercent: 0\n")))).position());
        assertEquals("$.spec.sloPeriod", assertThrows(FormatException.class,
                () -> SlothAlertWindows.read("w.yaml", new StringReader(SAMPLE.replace("28d", "1M")))).position());
        assertEquals("$.spec.ticket.slow", assertThrows(FormatException.class,
                () -> SlothAlertWindows.read("w.yaml", new StringReader(SAMPLE.replace("shortWindow: 6h\n      longWindow: 3d",
                        "shortWindow: 4d\n      longWindow: 3d")))).position());
        assertThrows(FormatException.class, () -> SlothAlertWindows.read("w.yaml", new StringReader("")));
    }

    /** A mutated file reads, or fails with a FormatException; never anything else. */
    @Property(tries = 300)
    void read_mutated_givesResultOrFormatException(@ForAll("mutations") String yaml) {
        try {
            SlothAlertWindows.read("mutated.yaml", new StringReader(yaml));
        } catch (FormatException expected) {
            // the documented failure
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, SAMPLE.length() - 1),
                Arbitraries.integers().between(0, 12), Arbitraries.strings().withChars(" :-[]{}\n#'\"0.9dhm").ofMaxLength(4))
                .as((at, cut, insert) -> SAMPLE.substring(0, at) + insert + SAMPLE.substring(Math.min(SAMPLE.length(), at + cut)));
    }
}
