package io.github.deliverykit.metrics.flow;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.finding.Findings;
import io.github.deliverykit.core.time.Interval;
import io.github.deliverykit.core.metric.Measurement;
import io.github.deliverykit.core.metric.MetricKeys;
import io.github.deliverykit.core.metric.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;

/**
 * The AI-delivery metrics of one period: every figure with its sample size, and one finding per
 * metric (PASS / FAIL against its target, WARN for a flag or for missing data, INFO for metrics
 * that are tracked without a target), in a fixed order. A figure is named by its
 * {@link MetricKeys} key ({@code ci.duration.p95}, {@code ci.cache.hit_rate}); a breakdown figure
 * adds the part in brackets ({@code agent.autonomy[bugfix]}) and is not a measurement.
 *
 * @param period the period measured
 * @param figures the figures, in a fixed order, names unique
 * @param findings the findings, in a fixed order
 */
public record FlowReport(Interval period, List<Figure> figures, Findings findings) {

    /**
     * Validates the report.
     *
     * @throws IllegalArgumentException if a field is null or a figure name repeats
     */
    public FlowReport {
        Checks.notNull(period, "period");
        figures = Checks.listOf(figures, "figures");
        Set<String> names = new HashSet<>();
        for (Figure f : figures) {
            if (!names.add(f.name())) {
                throw Checks.invalid("figures", "must have unique names", f.name());
            }
        }
        Checks.notNull(findings, "findings");
    }

    /**
     * A figure by name.
     *
     * @param name the figure name, a metric key such as {@code ci.duration.p95}
     * @return the figure, if the report has one of that name
     */
    public Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The maturity evidence of this report: one core {@link Measurement} per figure that has data and
     * is named by a well-known {@link MetricKeys} key in that key's unit (seconds, ratio, per day or
     * week, count, USD), in figure order. A figure without data gives no measurement (its finding
     * already says "no data"); breakdown figures and cost figures in another currency than the key's
     * give none either.
     *
     * @return the measurements, immutable
     */
    public List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>();
        for (Figure f : figures) {
            if (f.hasData() && f.unit().equals(MetricKeys.unitOf(f.name()))) {
                out.add(new Measurement(f.name(), BigDecimal.valueOf(f.value().getAsDouble()), f.unit()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The measurement of one key.
     *
     * @param key the metric key
     * @return the measurement, empty when the report has no data for it or does not measure it
     */
    public Optional<Measurement> measurement(String key) {
        return measurements().stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /**
     * Plain text: the period, one line per figure, then the findings.
     *
     * @return the rendered report, the same bytes for the same input
     */
    public String toText() {
        StringBuilder sb = new StringBuilder("AI-delivery metrics ").append(period).append('\n');
        for (Figure f : figures) {
            sb.append("  ").append(f).append('\n');
        }
        return sb.append(findings.toText()).toString();
    }

    /**
     * One measured number with its sample size. "No data" is explicit: a figure over an empty sample
     * has no value (never 0), and a value always comes with the size of the sample behind it.
     *
     * @param name the figure name, a metric key such as {@code ci.duration.p95}
     * @param unit the unit, e.g. {@link Unit#SECONDS}, {@link Unit#RATIO}, USD
     * @param sampleSize how many observations the value is computed from
     * @param value the value, present exactly when {@code sampleSize > 0}
     */
    public record Figure(String name, Unit unit, long sampleSize, OptionalDouble value) {

        /**
         * Validates the figure.
         *
         * @throws IllegalArgumentException if a field is null or blank, the size negative, the value not
         *     finite, or present without data (or missing with data)
         */
        public Figure {
            Checks.notBlank(name, "name");
            Checks.notNull(unit, "unit");
            Checks.nonNegative(sampleSize, "sampleSize");
            Checks.notNull(value, "value");
            if (value.isPresent() != (sampleSize > 0)) {
                throw Checks.invalid("value", "must be present exactly when sampleSize > 0 (sampleSize " + sampleSize + ")",
                        value);
            }
            if (value.isPresent()) {
                Checks.finite(value.getAsDouble(), "value");
            }
        }

        /**
         * A figure with data.
         *
         * @param name the name
         * @param unit the unit
         * @param sampleSize the sample size, at least 1
         * @param value the value
         * @return the figure
         */
        public static Figure of(String name, Unit unit, long sampleSize, double value) {
            Checks.positive(sampleSize, "sampleSize");
            return new Figure(name, unit, sampleSize, OptionalDouble.of(value));
        }

        /**
         * A figure without data.
         *
         * @param name the name
         * @param unit the unit
         * @return the figure
         */
        public static Figure noData(String name, Unit unit) {
            return new Figure(name, unit, 0, OptionalDouble.empty());
        }

        /**
         * Whether there was data.
         *
         * @return true when the value is present
         */
        public boolean hasData() {
            return value.isPresent();
        }

        @Override
        public String toString() {
            return name + " = " + (value.isPresent() ? io.github.deliverykit.core.finding.Facts.format(value.getAsDouble()) + (unit.equals(Unit.COUNT) ? "" : " " + unit.symbol())
                    : "no data") + " (n=" + sampleSize + ")";
        }
    }
}
