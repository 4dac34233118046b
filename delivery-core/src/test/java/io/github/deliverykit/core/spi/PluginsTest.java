package io.github.deliverykit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deliverykit.core.finding.Decided;
import io.github.deliverykit.core.finding.Decision;
import io.github.deliverykit.core.finding.Facts;
import io.github.deliverykit.core.finding.Finding;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.finding.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PluginsTest {

    record Named(String id) implements Provider {}

    enum Verdict { GO, STOP }

    record Result(Verdict verdict, Findings findings) implements Decided<Verdict> {}

    static final Provider RISK = new Named("risk");

    @Test
    void inNamespace_idOrIdThenDot() {
        assertTrue(Plugins.inNamespace("risk", "risk"));
        assertTrue(Plugins.inNamespace("risk.assessed", "risk"));
        assertFalse(Plugins.inNamespace("riskier.assessed", "risk"));
        assertFalse(Plugins.inNamespace("ris", "risk"));
        assertFalse(Plugins.inNamespace("change.risk", "risk"));
        assertThrows(IllegalArgumentException.class, () -> Plugins.inNamespace(null, "risk"));
        assertThrows(IllegalArgumentException.class, () -> Plugins.inNamespace("risk", null));
    }

    @Test
    void call_passesAResultInItsNamespaceThrough() {
        RuleResult<String> ok = RuleResult.of("HIGH", Finding.warn("risk.assessed", "High", Facts.none()));
        assertTrue(ok.inNamespace("risk"));
        assertSame(ok, Plugins.call("change", RISK, () -> ok, "FAILED"));
        RuleResult<String> none = RuleResult.of("x", List.of());
        assertTrue(none.inNamespace("anything"));
        assertSame(none, Plugins.call("change", RISK, () -> none, "FAILED"));
    }

    @Test
    void call_foreignCode_failsClosedInTheEnginesNamespace() {
        RuleResult<String> spoof = RuleResult.of("LOW", Finding.pass("risk.assessed", "Low", Facts.none()),
                Finding.info("custom.ok", "fine", Facts.none()));
        assertFalse(spoof.inNamespace("custom"));
        RuleResult<String> r = Plugins.call("change", new Named("custom"), () -> spoof, "FAILED");
        assertEquals("FAILED", r.extras());
        assertEquals(List.of("change.plugin.foreign_code"), r.findings().codes());
        Finding f = r.findings().list().get(0);
        assertEquals(Level.FAIL, f.level());
        assertEquals("custom", f.fact("provider"));
        assertEquals("risk.assessed", f.fact("code"));
    }

    @Test
    void call_throwingOrNullOrNamelessPlugin_failsClosed() {
        RuleResult<String> thrown = Plugins.call("change", RISK, () -> {
            throw new IllegalStateException("boom");
        }, "FAILED");
        assertEquals("FAILED", thrown.extras());
        assertEquals(List.of("change.plugin.error"), thrown.findings().codes());
        assertEquals(IllegalStateException.class.getName(), thrown.findings().list().get(0).fact("error"));
        assertTrue(thrown.findings().list().get(0).message().contains("boom"));
        RuleResult<String> nul = Plugins.call("change", RISK, () -> null, "FAILED");
        assertEquals("null result", nul.findings().list().get(0).fact("error"));
        assertEquals(Level.FAIL, nul.findings().worst());
        RuleResult<String> nameless = Plugins.call("change", new Named(" "), () -> RuleResult.of("x"), "FAILED");
        assertEquals("FAILED", nameless.extras());
        assertEquals(List.of("change.plugin.error"), nameless.findings().codes());
        Provider broken = () -> {
            throw new UnsupportedOperationException("no id");
        };
        assertEquals(List.of("change.plugin.error"),
                Plugins.call("change", broken, () -> RuleResult.of("x"), "FAILED").findings().codes());
    }

    @Test
    void call_andResult_rejectNullArguments() {
        assertThrows(IllegalArgumentException.class, () -> Plugins.call(" ", RISK, () -> null, "F"));
        assertThrows(IllegalArgumentException.class, () -> Plugins.call("e", null, () -> null, "F"));
        assertThrows(IllegalArgumentException.class, () -> Plugins.call("e", RISK, null, "F"));
        assertThrows(IllegalArgumentException.class, () -> Plugins.call("e", RISK, () -> null, null));
        assertThrows(IllegalArgumentException.class, () -> new RuleResult<>(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new RuleResult<>(Findings.none(), null));
        assertThrows(IllegalArgumentException.class, () -> RuleResult.of("x").inNamespace(" "));
    }

    @Test
    void decided_toDecision_isTheVerdictAndFindings() {
        Findings findings = Findings.of(Finding.fail("x.stop", "Stop", Facts.none()));
        Decision<Verdict> d = new Result(Verdict.STOP, findings).toDecision();
        assertEquals(Verdict.STOP, d.verdict());
        assertSame(findings, d.findings());
    }
}
