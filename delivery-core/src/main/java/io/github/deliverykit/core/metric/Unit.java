package io.github.deliverykit.core.metric;

import io.github.deliverykit.core.check.Checks;
import io.github.deliverykit.core.money.Money;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The unit of a measured value. A rule compares a measurement only when the units are equal, so a
 * duration in seconds is never mistaken for a count. Money units are ISO 4217 currency codes.
 *
 * @param symbol the unit symbol, e.g. {@code s}, {@code ratio}, {@code /week}, {@code USD}
 */
public record Unit(String symbol) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z/%][A-Za-z0-9/%_-]*");

    /** Seconds (durations are measured in seconds). */
    public static final Unit SECONDS = new Unit("s");
    /** A fraction, 0.7 meaning 70 %. */
    public static final Unit RATIO = new Unit("ratio");
    /** Events per day. */
    public static final Unit PER_DAY = new Unit("/day");
    /** Events per week. */
    public static final Unit PER_WEEK = new Unit("/week");
    /** A plain number (a count or a mean of counts). */
    public static final Unit COUNT = new Unit("count");
    /** US dollars. */
    public static final Unit USD = new Unit("USD");

    /**
     * Validates the unit.
     *
     * @throws IllegalArgumentException if the symbol is null or malformed
     */
    public Unit {
        Checks.notNull(symbol, "unit");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw Checks.invalid("unit", "must be a symbol like 's', 'ratio', '/week' or 'USD'", symbol);
        }
    }

    /**
     * The unit of a currency.
     *
     * @param currencyCode an ISO 4217 code
     * @return the unit
     * @throws IllegalArgumentException if the code is not ISO 4217
     */
    public static Unit money(String currencyCode) {
        return new Unit(Money.currency(currencyCode).getCurrencyCode());
    }

    /**
     * Renders a value in this unit for people: {@code 600 s}, {@code 70 %}, {@code 5 /week},
     * {@code 2}, {@code 0.5 USD}.
     *
     * @param value the value
     * @return the text
     */
    public String render(BigDecimal value) {
        Checks.decimal(value, "value");
        if (this.equals(RATIO)) {
            return plain(value.movePointRight(2)) + " %";
        }
        if (this.equals(COUNT)) {
            return plain(value);
        }
        return plain(value) + " " + symbol;
    }

    /**
     * A decimal as plain text without exponent or trailing zeros, rounded to 12 significant digits.
     *
     * @param value the value
     * @return e.g. {@code 0.5}
     */
    public static String plain(BigDecimal value) {
        Checks.decimal(value, "value");
        if (value.signum() == 0) {
            return "0";
        }
        // 12 significant digits, like Facts.format: a measured 14/15 reads 0.933333333333, not 16 threes
        return value.round(new java.math.MathContext(12, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
