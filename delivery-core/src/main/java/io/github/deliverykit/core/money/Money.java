package io.github.deliverykit.core.money;

import io.github.deliverykit.core.check.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * An exact amount of money: a {@code long} count of nano units (10<sup>-9</sup> of the currency's
 * major unit) and an ISO 4217 currency. Nine decimals hold per-token prices exactly (e.g.
 * 0.000000075 USD) and the range is about &plusmn;9.2 billion major units. No {@code double} is
 * involved anywhere; every operation is exact or takes an explicit {@link RoundingMode}, and
 * overflow is reported as a {@link MoneyOverflowException} instead of wrapping.
 *
 * <p>Adding two values costs one {@link Math#addExact} and one reference comparison; for hot loops
 * over millions of records use {@link MoneyTotal}, which allocates nothing per addition.
 *
 * @param nanos the amount in nano units
 * @param currency the currency
 */
public record Money(long nanos, Currency currency) implements Comparable<Money> {

    /** The fixed number of decimal places. */
    public static final int SCALE = 9;
    /** Nano units per major unit. */
    public static final long NANOS_PER_UNIT = 1_000_000_000L;

    /**
     * Validates the currency.
     *
     * @throws IllegalArgumentException if the currency is null
     */
    public Money {
        Checks.notNull(currency, "currency");
    }

    /**
     * Zero in a currency.
     *
     * @param currency the currency
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses an exact decimal amount.
     *
     * @param amount e.g. {@code "12.34"} or {@code "0.000003"}; at most nine decimals
     * @param currencyCode an ISO 4217 code such as {@code "USD"}
     * @return the money
     * @throws IllegalArgumentException if the amount is not a decimal, has more than nine decimals
     *     (it would need rounding), is out of range, or the currency is unknown
     */
    public static Money of(String amount, @Nullable String currencyCode) {
        Checks.notNull(amount, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw Checks.invalid("amount", "must be a decimal number", amount);
        }
        return of(value, currency(currencyCode));
    }

    /**
     * An exact decimal amount.
     *
     * @param amount the amount, at most nine decimals
     * @param currency the currency
     * @return the money
     * @throws IllegalArgumentException if the amount is null, exceeds {@link Checks#MAX_DECIMAL_DIGITS}
     *     digits or scale, needs rounding or is out of range
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Checks.decimal(amount, "amount");
        Checks.notNull(currency, "currency");
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw Checks.invalid("amount", "must have at most " + SCALE + " decimal places", amount);
        }
        return new Money(toNanos(amount.setScale(SCALE, RoundingMode.UNNECESSARY), "amount"), currency);
    }

    /**
     * An amount given in nano units.
     *
     * @param nanos the amount in 10<sup>-9</sup> major units
     * @param currencyCode an ISO 4217 code
     * @return the money
     */
    public static Money ofNanos(long nanos, @Nullable String currencyCode) {
        return new Money(nanos, currency(currencyCode));
    }

    /**
     * Looks up an ISO 4217 currency.
     *
     * @param code the code, e.g. {@code "EUR"}
     * @return the currency
     * @throws IllegalArgumentException if null or unknown
     */
    public static Currency currency(String code) {
        Checks.notNull(code, "currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw Checks.invalid("currency", "must be an ISO 4217 code", code);
        }
    }

    private static long toNanos(BigDecimal scaled, String field) {
        BigInteger unscaled = scaled.unscaledValue();
        if (unscaled.bitLength() > 63) {
            throw new MoneyOverflowException(field + " is outside the range of Money (about 9.2 billion units), but was "
                    + scaled.toPlainString());
        }
        return unscaled.longValue();
    }

    private void sameCurrency(Money other, String field) {
        Checks.notNull(other, field);
        if (other.currency != currency) {
            throw new IllegalArgumentException(Checks.message("%s must be in %s, but was in %s (%s)",
                    field, currency.getCurrencyCode(), other.currency.getCurrencyCode(), other));
        }
    }

    /**
     * The sum.
     *
     * @param other an amount in the same currency
     * @return this + other
     * @throws IllegalArgumentException if the currencies differ
     * @throws MoneyOverflowException if the sum is out of range
     */
    public Money plus(Money other) {
        sameCurrency(other, "other");
        long r = nanos + other.nanos;
        if (((nanos ^ r) & (other.nanos ^ r)) < 0) {
            throw new MoneyOverflowException(Checks.message("%s + %s is outside the range of Money", this, other));
        }
        return new Money(r, currency);
    }

    /**
     * The difference.
     *
     * @param other an amount in the same currency
     * @return this - other
     * @throws IllegalArgumentException if the currencies differ
     * @throws MoneyOverflowException if the difference is out of range
     */
    public Money minus(Money other) {
        sameCurrency(other, "other");
        long r = nanos - other.nanos;
        if (((nanos ^ other.nanos) & (nanos ^ r)) < 0) {
            throw new MoneyOverflowException(Checks.message("%s - %s is outside the range of Money", this, other));
        }
        return new Money(r, currency);
    }

    /**
     * The amount times a count, e.g. a per-token price times a number of tokens.
     *
     * @param count the multiplier
     * @return this * count
     * @throws MoneyOverflowException if the product is out of range
     */
    public Money times(long count) {
        long hi = Math.multiplyHigh(nanos, count);
        long lo = nanos * count;
        if (hi != (lo >> 63)) {
            throw new MoneyOverflowException(Checks.message("%s * %d is outside the range of Money", this, count));
        }
        return new Money(lo, currency);
    }

    /**
     * The amount times an exact decimal factor, rounded to nano units.
     *
     * @param factor the factor
     * @param rounding how to round to nine decimals
     * @return this * factor
     * @throws IllegalArgumentException if a parameter is null, the factor exceeds
     *     {@link Checks#MAX_DECIMAL_DIGITS} digits or scale, or rounding is
     *     {@link RoundingMode#UNNECESSARY} and the product needs it
     * @throws MoneyOverflowException if the product is out of range
     */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        Checks.decimal(factor, "factor");
        Checks.notNull(rounding, "rounding");
        BigDecimal product = toBigDecimal().multiply(factor);
        return new Money(toNanos(round(product, rounding, "factor"), "product"), currency);
    }

    /**
     * The amount divided by a count, rounded to nano units.
     *
     * @param divisor the divisor, not zero
     * @param rounding how to round to nine decimals
     * @return this / divisor
     * @throws IllegalArgumentException if the divisor is zero, rounding is null, or rounding is
     *     {@link RoundingMode#UNNECESSARY} and the quotient needs it
     */
    public Money dividedBy(long divisor, RoundingMode rounding) {
        Checks.notNull(rounding, "rounding");
        if (divisor == 0) {
            throw Checks.invalid("divisor", "must not be 0", divisor);
        }
        BigDecimal q = divide(BigDecimal.valueOf(nanos), BigDecimal.valueOf(divisor), 0, rounding, "divisor");
        return new Money(toNanos(q, "quotient"), currency);
    }

    /**
     * The ratio of two amounts in the same currency, e.g. this quarter's cost per feature over the
     * last one's.
     *
     * @param other the denominator, not zero
     * @param scale decimal places of the result
     * @param rounding how to round
     * @return this / other
     * @throws IllegalArgumentException if the currencies differ or other is zero
     */
    public BigDecimal ratio(Money other, int scale, RoundingMode rounding) {
        sameCurrency(other, "other");
        Checks.notNull(rounding, "rounding");
        Checks.inRange(scale, 0, 64, "scale");
        if (other.nanos == 0) {
            throw Checks.invalid("other", "must not be zero", other);
        }
        return divide(BigDecimal.valueOf(nanos), BigDecimal.valueOf(other.nanos), scale, rounding, "other");
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b, int scale, RoundingMode rounding, String field) {
        try {
            return a.divide(b, scale, rounding);
        } catch (ArithmeticException e) {
            throw Checks.invalid(field, "must divide exactly under UNNECESSARY rounding", b.toPlainString());
        }
    }

    private static BigDecimal round(BigDecimal value, RoundingMode rounding, String field) {
        try {
            return value.setScale(SCALE, rounding);
        } catch (ArithmeticException e) {
            throw Checks.invalid(field, "must give a result with at most " + SCALE + " decimals under UNNECESSARY rounding",
                    value.toPlainString());
        }
    }

    /**
     * The negated amount.
     *
     * @return -this
     * @throws MoneyOverflowException for the one value without a negation
     */
    public Money negated() {
        if (nanos == Long.MIN_VALUE) {
            throw new MoneyOverflowException(Checks.message("-(%s) is outside the range of Money", this));
        }
        return new Money(-nanos, currency);
    }

    /**
     * The sign of the amount.
     *
     * @return -1, 0 or 1
     */
    public int signum() {
        return Long.signum(nanos);
    }

    /**
     * Whether the amount is zero.
     *
     * @return true for zero
     */
    public boolean isZero() {
        return nanos == 0;
    }

    /**
     * The exact amount as a decimal with nine decimal places.
     *
     * @return the amount
     */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(nanos, SCALE);
    }

    /**
     * Compares amounts in the same currency.
     *
     * @param other the other amount
     * @return the comparison of the amounts
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        sameCurrency(other, "other");
        return Long.compare(nanos, other.nanos);
    }

    /**
     * The amount with at least the currency's usual decimals and no trailing zeros beyond them,
     * then the code: {@code 12.30 USD}, {@code 0.000003 USD}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal v = toBigDecimal().stripTrailingZeros();
        if (v.scale() < digits) {
            v = v.setScale(digits, RoundingMode.UNNECESSARY);
        }
        return v.toPlainString() + " " + currency.getCurrencyCode();
    }
}
