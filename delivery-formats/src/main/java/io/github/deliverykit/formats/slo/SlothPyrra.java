package io.github.deliverykit.formats.slo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Window;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.ReadReport;
import io.github.deliverykit.formats.ReadReport.IssueKind;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.formats.internal.Yaml;
import io.github.deliverykit.formats.internal.Shorthand;
import io.github.deliverykit.formats.internal.SlothShapes.Alerting;
import io.github.deliverykit.formats.internal.SlothShapes.PyrraSpec;
import io.github.deliverykit.formats.internal.SlothShapes.Resource;
import io.github.deliverykit.formats.internal.SlothShapes.SlothSlo;
import io.github.deliverykit.formats.internal.SlothShapes.Spec;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
import io.github.deliverykit.metrics.budget.Slo;
import io.github.deliverykit.metrics.budget.Slo.BudgetingMethod;
import io.github.deliverykit.metrics.budget.Slo.SloTarget;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Sloth {@code prometheus/v1} specs and Pyrra {@code pyrra.dev/v1alpha1 ServiceLevelObjective}s
 * into {@link SloDefinition}s with their alert tables. Sloth: the objective (percent) over Sloth's
 * default 30-day period, event SLIs counted as occurrences, and Sloth's default alert windows
 * ({@link AlertTable#sloth}) without the page or ticket rules whose alert is disabled; no alerting
 * block means no alert table. Pyrra: the target (a percent string) over its window, and Pyrra's
 * table ({@link AlertTable#pyrra}) unless alerting is disabled. Stateless and thread safe.
 */
public final class SlothPyrra {

    /** Sloth's default SLO period. */
    public static final Duration SLOTH_DEFAULT_PERIOD = Duration.ofDays(30);

    private SlothPyrra() {}

    /**
     * Reads a Sloth {@code prometheus/v1} spec file.
     *
     * @param file the YAML file
     * @return its SLOs and the report
     * @throws FormatException if the file is not a valid Sloth prometheus/v1 spec
     */
    public static SloDocuments readSloth(Path file) {
        return withFile(file, r -> readSloth(file.toString(), r));
    }

    /**
     * Reads a Sloth {@code prometheus/v1} spec.
     *
     * @param source the name used in errors
     * @param yaml the YAML
     * @return its SLOs and the report
     * @throws FormatException if the input is not a valid Sloth prometheus/v1 spec
     */
    public static SloDocuments readSloth(String source, Reader yaml) {
        Checks.notBlank(source, "source");
        Spec spec = bind(source, yaml, Spec.class);
        if (!"prometheus/v1".equals(spec.version())) {
            throw new FormatException(source, "$.version", "must be prometheus/v1, but was " + spec.version());
        }
        String service = spec.service();
        if (service == null || service.isBlank()) {
            throw new FormatException(source, "$.service", "is required");
        }
        if (spec.slos() == null || spec.slos().isEmpty()) {
            throw new FormatException(source, "$.slos", "must list at least one SLO");
        }
        ReadReport.Builder report = new ReadReport.Builder();
        List<SloDefinition> out = new ArrayList<>();
        for (int i = 0; i < spec.slos().size(); i++) {
            SlothSlo s = spec.slos().get(i);
            String at = "$.slos[" + i + "]";
            report.read();
            if (s == null || s.name() == null || s.name().isBlank()) {
                throw new FormatException(source, at + ".name", "is required");
            }
            SloTarget target = percent(source, at + ".objective", s.objective());
            if (s.sli() == null || !(s.sli().has("events") || s.sli().has("raw") || s.sli().has("plugin"))) {
                throw new FormatException(source, at + ".sli", "must hold events, raw or plugin");
            }
            if (s.sli().has("plugin")) {
                report.issue(IssueKind.NOTE, source, at + ".sli.plugin", "a plugin SLI is read as good / total events");
            }
            out.add(new SloDefinition(s.name(), s.name(),
                    new Slo(service, target, Window.rolling(SLOTH_DEFAULT_PERIOD), BudgetingMethod.occurrences()), null,
                    slothAlerts(s.name(), s.alerting())));
            report.accepted();
        }
        return new SloDocuments(out, List.of(service), report.build());
    }

    private static @Nullable AlertTable slothAlerts(String name, @Nullable Alerting a) {
        if (a == null) {
            return null;
        }
        boolean page = a.pageAlert() == null || !Boolean.TRUE.equals(a.pageAlert().disable());
        boolean ticket = a.ticketAlert() == null || !Boolean.TRUE.equals(a.ticketAlert().disable());
        List<BurnRateRule> rules = new ArrayList<>();
        for (BurnRateRule r : AlertTable.sloth(SLOTH_DEFAULT_PERIOD).rules()) {
            if (r.severity() == AlertSeverity.PAGE ? page : ticket) {
                rules.add(r);
            }
        }
        return rules.isEmpty() ? null : new AlertTable("sloth", rules);
    }

    /**
     * Reads a Pyrra {@code ServiceLevelObjective} file.
     *
     * @param file the YAML file
     * @return its SLO and the report
     * @throws FormatException if the file is not a valid Pyrra ServiceLevelObjective
     */
    public static SloDocuments readPyrra(Path file) {
        return withFile(file, r -> readPyrra(file.toString(), r));
    }

    /**
     * Reads a Pyrra {@code ServiceLevelObjective}.
     *
     * @param source the name used in errors
     * @param yaml the YAML
     * @return its SLO and the report
     * @throws FormatException if the input is not a valid Pyrra ServiceLevelObjective
     */
    public static SloDocuments readPyrra(String source, Reader yaml) {
        Checks.notBlank(source, "source");
        Resource r = bind(source, yaml, Resource.class);
        if (r.apiVersion() == null || !r.apiVersion().startsWith("pyrra.dev/")) {
            throw new FormatException(source, "$.apiVersion", "must be pyrra.dev/v1alpha1, but was " + r.apiVersion());
        }
        if (!"ServiceLevelObjective".equals(r.kind())) {
            throw new FormatException(source, "$.kind", "must be ServiceLevelObjective, but was " + r.kind());
        }
        String name = r.metadata() == null ? null : r.metadata().name();
        if (name == null || name.isBlank()) {
            throw new FormatException(source, "$.metadata.name", "is required");
        }
        PyrraSpec spec;
        try {
            spec = Yaml.MAPPER.treeToValue(Json.require(r.spec(), source, "$.spec"), PyrraSpec.class);
        } catch (JsonMappingException e) {
            throw new FormatException(source, Json.path(e).replaceFirst("^\\$", "\\$.spec"), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw Json.error(source, e);
        }
        BigDecimal percent;
        try {
            percent = new BigDecimal(Json.require(spec.target(), source, "$.spec.target").trim());
        } catch (NumberFormatException e) {
            throw new FormatException(source, "$.spec.target", "must be a percentage such as \"99.9\", but was " + spec.target());
        }
        SloTarget target = percent(source, "$.spec.target", percent);
        Duration window = Shorthand.fixed(spec.window(), source, "$.spec.window");
        if (spec.indicator() == null) {
            throw new FormatException(source, "$.spec.indicator", "is required");
        }
        ReadReport.Builder report = new ReadReport.Builder();
        report.read();
        boolean off = spec.alerting() != null && (Boolean.TRUE.equals(spec.alerting().disabled())
                || Boolean.FALSE.equals(spec.alerting().burnrates()));
        AlertTable alerts;
        try {
            alerts = off ? null : AlertTable.pyrra(window);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, "$.spec.window", e.getMessage(), e);
        }
        report.accepted();
        return new SloDocuments(List.of(new SloDefinition(name, name,
                new Slo(name, target, Window.rolling(window), BudgetingMethod.occurrences()), null, alerts)),
                List.of(), report.build());
    }

    private static SloTarget percent(String source, String at, @Nullable BigDecimal value) {
        BigDecimal p = Json.require(value, source, at).stripTrailingZeros();
        if (p.scale() < 0) {
            p = p.setScale(0);
        }
        try {
            return new SloTarget(p);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, at, e.getMessage(), e);
        }
    }

    private static <T> T bind(String source, Reader yaml, Class<T> type) {
        Checks.notNull(yaml, "yaml");
        try {
            T t = Yaml.MAPPER.readValue(yaml, type);
            if (t == null) {
                throw new FormatException(source, "$", "is empty");
            }
            return t;
        } catch (JsonProcessingException e) {
            throw Json.error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static SloDocuments withFile(Path file, java.util.function.Function<Reader, SloDocuments> read) {
        Checks.notNull(file, "file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read.apply(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
