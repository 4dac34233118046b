package io.github.deliverykit.metrics.budget;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.time.Window;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A service level objective: a service, an exact target, the window the budget is counted over and
 * the budgeting method.
 *
 * @param service the service
 * @param target the target
 * @param window rolling, calendar-aligned, or the seed's {@link Window#averageMonth()}
 * @param method how the budget is counted
 */
public record Slo(String service, SloTarget target, Window window, BudgetingMethod method) {

    /**
     * Validates the SLO.
     *
     * @throws IllegalArgumentException if a field is null or the service is blank
     */
    public Slo {
        Checks.notBlank(service, "service");
        Checks.notNull(target, "target");
        Checks.notNull(window, "window");
        Checks.notNull(method, "method");
    }

    /**
     * A time-based SLO: {@code Slo.timeBased("portal", "99.9", Window.averageMonth())}.
     *
     * @param service the service
     * @param targetPercent the target, e.g. {@code "99.9"}
     * @param window the window
     * @return the SLO
     */
    public static Slo timeBased(String service, String targetPercent, Window window) {
        return new Slo(service, SloTarget.parse(targetPercent), window, BudgetingMethod.timeBased());
    }

    /**
     * An event-based SLO (good / total events).
     *
     * @param service the service
     * @param targetPercent the target, e.g. {@code "99.9"}
     * @param window the window
     * @return the SLO
     */
    public static Slo occurrences(String service, String targetPercent, Window window) {
        return new Slo(service, SloTarget.parse(targetPercent), window, BudgetingMethod.occurrences());
    }

    /**
     * An SLO target as an exact decimal percentage: {@code "99.9"} is exactly 0.999, never the nearest
     * {@code double}. The error budget ratio {@code 1 - target} is exact too (0.001).
     *
     * @param percent the target in percent, strictly between 0 and 100
     */
    public record SloTarget(BigDecimal percent) {

        /** The most decimals a target may have. */
        public static final int MAX_DECIMALS = 30;

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        /**
         * Validates the target.
         *
         * @throws IllegalArgumentException if null, 0 or less, 100 or more, or with more than 30 decimals
         */
        public SloTarget {
            Checks.notNull(percent, "target");
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0) {
                throw Checks.invalid("target", "must be greater than 0 and lower than 100 percent", percent.toString());
            }
            if (percent.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw Checks.invalid("target", "must have at most " + MAX_DECIMALS + " decimals", percent.toString());
            }
        }

        /**
         * Parses a percentage such as {@code "99.9"} or {@code "99.95%"}.
         *
         * @param percent the text
         * @return the target
         * @throws IllegalArgumentException if null, not a number, NaN or out of range
         */
        public static SloTarget parse(String percent) {
            Checks.notBlank(percent, "target");
            String t = percent.trim();
            if (t.endsWith("%")) {
                t = t.substring(0, t.length() - 1).trim();
            }
            try {
                return new SloTarget(new BigDecimal(t));
            } catch (NumberFormatException e) {
                throw Checks.invalid("target", "must be a decimal percentage like 99.9", percent);
            }
        }

        /**
         * A target from a {@code double} percentage, taken by its shortest decimal text (so 99.9 is
         * exactly 99.9).
         *
         * @param percent the percentage
         * @return the target
         * @throws IllegalArgumentException if NaN, infinite or out of range
         */
        public static SloTarget ofPercent(double percent) {
            Checks.finite(percent, "target");
            return new SloTarget(new BigDecimal(Double.toString(percent)));
        }

        /**
         * The target as a ratio: 99.9 % gives 0.999.
         *
         * @return the exact ratio
         */
        public BigDecimal ratio() {
            return percent.movePointLeft(2);
        }

        /**
         * The error budget as a ratio, {@code 1 - target}: 99.9 % gives 0.001.
         *
         * @return the exact budget ratio, greater than 0
         */
        public BigDecimal budgetRatio() {
            return BigDecimal.ONE.subtract(ratio());
        }

        @Override
        public String toString() {
            return percent.stripTrailingZeros().toPlainString() + "%";
        }
    }

    /**
     * How an SLO counts its budget, with OpenSLO's names: {@linkplain TimeBased time-based} (bad
     * minutes from incidents), {@linkplain Occurrences occurrences} (good / total events),
     * {@linkplain Timeslices timeslices} (a slice is bad when its ratio is below the slice target) and
     * {@linkplain RatioTimeslices ratio timeslices} (the mean of the slice ratios).
     */
    public sealed interface BudgetingMethod
            permits BudgetingMethod.TimeBased, BudgetingMethod.Occurrences, BudgetingMethod.Timeslices,
            BudgetingMethod.RatioTimeslices {

        /**
         * The OpenSLO name, e.g. {@code Occurrences}.
         *
         * @return the name
         */
        String openSloName();

        /**
         * Bad time from incident impact intervals, minus scheduled maintenance.
         *
         * @return the method
         */
        static TimeBased timeBased() {
            return new TimeBased();
        }

        /**
         * Good events over total events.
         *
         * @return the method
         */
        static Occurrences occurrences() {
            return new Occurrences();
        }

        /**
         * Fixed slices, each good or bad against a slice target.
         *
         * @param slice the slice length
         * @param sliceTarget the slice target as a ratio in (0, 1], e.g. 0.95
         * @return the method
         */
        static Timeslices timeslices(Duration slice, BigDecimal sliceTarget) {
            return new Timeslices(slice, sliceTarget);
        }

        /**
         * Fixed slices whose ratios are averaged.
         *
         * @param slice the slice length
         * @return the method
         */
        static RatioTimeslices ratioTimeslices(Duration slice) {
            return new RatioTimeslices(slice);
        }

        /** Time-based: incident minutes (deliverykit's name for the seed's method). */
        record TimeBased() implements BudgetingMethod {
            @Override
            public String openSloName() {
                return "TimeBased";
            }
        }

        /** Occurrences: bad events consume the budget, which is {@code (1 - target) x total events}. */
        record Occurrences() implements BudgetingMethod {
            @Override
            public String openSloName() {
                return "Occurrences";
            }
        }

        /**
         * Timeslices: a slice with events whose good ratio is below {@code sliceTarget} is bad; the
         * budget is {@code (1 - target)} times all slices of the period.
         *
         * @param slice the slice length, positive
         * @param sliceTarget the slice target ratio in (0, 1]
         */
        record Timeslices(Duration slice, BigDecimal sliceTarget) implements BudgetingMethod {
            /**
             * Validates the method.
             *
             * @throws IllegalArgumentException if the slice is not positive or the target is outside (0, 1]
             */
            public Timeslices {
                Checks.positive(slice, "slice");
                Checks.notNull(sliceTarget, "sliceTarget");
                if (sliceTarget.signum() <= 0 || sliceTarget.compareTo(BigDecimal.ONE) > 0
                        || sliceTarget.stripTrailingZeros().scale() > Decimals.MAX_DECIMALS) {
                    throw Checks.invalid("sliceTarget", "must be in (0, 1] with at most 30 decimals", sliceTarget.toString());
                }
            }

            @Override
            public String openSloName() {
                return "Timeslices";
            }
        }

        /**
         * Ratio timeslices: each slice with events consumes {@code 1 - ratio} slices of budget; the
         * budget is {@code (1 - target)} times all slices of the period.
         *
         * @param slice the slice length, positive
         */
        record RatioTimeslices(Duration slice) implements BudgetingMethod {
            /**
             * Validates the method.
             *
             * @throws IllegalArgumentException if the slice is not positive
             */
            public RatioTimeslices {
                Checks.positive(slice, "slice");
            }

            @Override
            public String openSloName() {
                return "RatioTimeslices";
            }
        }
    }
}
