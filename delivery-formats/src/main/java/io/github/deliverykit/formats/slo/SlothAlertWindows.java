package io.github.deliverykit.formats.slo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.formats.FormatException;
import io.github.deliverykit.formats.internal.Json;
import io.github.deliverykit.formats.internal.Yaml;
import io.github.deliverykit.formats.internal.Shorthand;
import io.github.deliverykit.formats.internal.SlothWindowShapes.Document;
import io.github.deliverykit.formats.internal.SlothWindowShapes.Pair;
import io.github.deliverykit.formats.internal.SlothWindowShapes.Window;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertSeverity;
import io.github.deliverykit.metrics.budget.AlertEvaluator.AlertTable;
import io.github.deliverykit.metrics.budget.AlertEvaluator.BurnRateRule;
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
 * Sloth's custom alert windows ({@code apiVersion: sloth.slok.dev/v1}, {@code kind: AlertWindows}) as
 * an alert table: for the page and ticket severities, a quick and a slow multiwindow rule, each with
 * the factor {@code errorBudgetPercent / 100 x sloPeriod / longWindow} (Sloth's own derivation: 2 % of
 * 30 days in 1 hour is 14.4x) and its own short window. Read with {@link #read(Path)}.
 *
 * @param sloPeriod the SLO period the windows are for
 * @param table the rules: {@code page-quick}, {@code page-slow}, {@code ticket-quick}, {@code ticket-slow}
 */
public record SlothAlertWindows(Duration sloPeriod, AlertTable table) {

    /**
     * Validates the windows.
     *
     * @throws IllegalArgumentException if a field is null or the period not positive
     */
    public SlothAlertWindows {
        Checks.positive(sloPeriod, "sloPeriod");
        Checks.notNull(table, "table");
    }

    /**
     * Reads an AlertWindows file.
     *
     * @param file the YAML file
     * @return the windows
     * @throws FormatException if the file is not a valid AlertWindows document
     * @throws UncheckedIOException if the file cannot be read
     */
    public static SlothAlertWindows read(Path file) {
        Checks.notNull(file, "file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads an AlertWindows document.
     *
     * @param source the name used in errors
     * @param yaml the YAML
     * @return the windows
     * @throws FormatException if the input is not a valid AlertWindows document
     */
    public static SlothAlertWindows read(String source, Reader yaml) {
        Checks.notBlank(source, "source");
        Checks.notNull(yaml, "yaml");
        Document d;
        try {
            d = Yaml.MAPPER.readValue(yaml, Document.class);
        } catch (JsonProcessingException e) {
            throw Json.error(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (d == null) {
            throw new FormatException(source, "$", "is empty");
        }
        if (!"sloth.slok.dev/v1".equals(d.apiVersion())) {
            throw new FormatException(source, "$.apiVersion", "must be sloth.slok.dev/v1, but was " + d.apiVersion());
        }
        if (!"AlertWindows".equals(d.kind())) {
            throw new FormatException(source, "$.kind", "must be AlertWindows, but was " + d.kind());
        }
        if (d.spec() == null) {
            throw new FormatException(source, "$.spec", "is required");
        }
        Duration period = Shorthand.fixed(Json.require(d.spec().sloPeriod(), source, "$.spec.sloPeriod"), source,
                "$.spec.sloPeriod");
        if (period.isZero()) {
            throw new FormatException(source, "$.spec.sloPeriod", "must be positive");
        }
        List<BurnRateRule> rules = new ArrayList<>();
        pair(rules, "page", AlertSeverity.PAGE, d.spec().page(), period, source);
        pair(rules, "ticket", AlertSeverity.TICKET, d.spec().ticket(), period, source);
        return new SlothAlertWindows(period, new AlertTable("sloth-alert-windows", rules));
    }

    private static void pair(List<BurnRateRule> rules, String name, AlertSeverity severity, @Nullable Pair pair,
            Duration period, String source) {
        String at = "$.spec." + name;
        Pair p = Json.require(pair, source, at);
        rules.add(rule(name + "-quick", severity, Json.require(p.quick(), source, at + ".quick"), period, source,
                at + ".quick"));
        rules.add(rule(name + "-slow", severity, Json.require(p.slow(), source, at + ".slow"), period, source,
                at + ".slow"));
    }

    private static BurnRateRule rule(String name, AlertSeverity severity, Window w, Duration period, String source,
            String at) {
        BigDecimal percent = Json.require(w.errorBudgetPercent(), source, at + ".errorBudgetPercent");
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new FormatException(source, at + ".errorBudgetPercent", "must be in (0, 100], but was "
                    + percent.toPlainString());
        }
        Duration longWindow = Shorthand.fixed(Json.require(w.longWindow(), source, at + ".longWindow"), source,
                at + ".longWindow");
        Duration shortWindow = Shorthand.fixed(Json.require(w.shortWindow(), source, at + ".shortWindow"), source,
                at + ".shortWindow");
        try {
            BurnRateRule share = BurnRateRule.ofBudgetShare(name, severity, percent, period, longWindow);
            return new BurnRateRule(name, severity, longWindow, shortWindow, share.factor());
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, at, e.getMessage(), e);
        }
    }
}
