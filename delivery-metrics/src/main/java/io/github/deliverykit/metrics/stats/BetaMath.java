package io.github.deliverykit.metrics.stats;

/**
 * The regularized incomplete beta function and the F distribution's upper tail, for the tests of
 * this package that need them. Lanczos log-gamma (g = 7) and Lentz's continued fraction, relative
 * error about 1e-14 in the ranges the tests use. For large integer parameters (the binomial tails of
 * {@link BinomialTest}) the uniform asymptotic expansion of Temme as arranged by DiDonato and Morris
 * (ACM TOMS 708, {@code BASYM}): a fixed handful of terms in {@code 1 / sqrt(min(a, b))} instead of a
 * continued fraction or a sum whose length grows with the standard deviation.
 */
final class BetaMath {

    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /** 2 / sqrt(pi). */
    private static final double E0 = 1.12837916709551257;
    /** 2^(-3/2). */
    private static final double E1 = 0.353553390593273762;
    /** The expansion's most terms (even), as TOMS 708. */
    private static final int TERMS = 20;
    /** Below this smaller parameter the expansion is not used (its terms shrink as 1 / sqrt(min(a, b))). */
    static final double ASYMPTOTIC_MIN = 100;
    /** The last pair of terms must be this small against the sum before the expansion may stop. */
    private static final double ASYMPTOTIC_EPS = 1e-6;
    /** The expansion stops when the last pair of terms is this small against the sum (TOMS 708's rule). */
    private static final double ASYMPTOTIC_LAST = 1e-10;
    /** Or sooner, when the predicted next pair is this small against the sum. The bound on the predicted next pair of terms against the sum: what is left off is about that small. */
    private static final double ASYMPTOTIC_NEXT = 1e-13;
    /** Table of erfcx(t) = exp(t^2) erfc(t) at t = i / ERFCX_STEP, for the Taylor steps of {@link #erfcx}. */
    private static final double ERFCX_STEP = 32;
    private static final double ERFCX_MAX = 8;
    private static final double[] ERFCX = new double[(int) (ERFCX_MAX * ERFCX_STEP) + 2];
    private static final double[] RECIPROCAL = new double[40];

    static {
        for (int i = 0; i < ERFCX.length; i++) {
            ERFCX[i] = erfcxDirect(i / ERFCX_STEP);
        }
        for (int i = 1; i < RECIPROCAL.length; i++) {
            RECIPROCAL[i] = 1.0 / i;
        }
    }

    private BetaMath() {}

    /** exp(t^2) erfc(t), 0 &lt;= t: the series of erf up to 1, Laplace's continued fraction above (table set-up only). */
    static double erfcxDirect(double t) {
        if (t <= 1) {
            // erf(t) = 2 / sqrt(pi) exp(-t^2) sum 2^n t^(2n+1) / (2n + 1)!!, all terms positive
            double term = t;
            double sum = t;
            for (int n = 0; n < 200 && term > 1e-18 * sum; n++) {
                term *= 2 * t * t / (2 * n + 3);
                sum += term;
            }
            return Math.exp(t * t) - E0 * sum;
        }
        // erfcx(t) = 1 / (sqrt(pi) (t + (1/2) / (t + 1 / (t + (3/2) / (t + ...)))))
        double f = t;
        double c = t;
        double d = 0;
        for (int m = 1; m < 10_000; m++) {
            double am = m / 2.0;
            d = 1 / (t + am * d);
            c = t + am / c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return E0 / (2 * f);
    }

    /**
     * exp(z^2) erfc(z) for 0 &lt;= z &lt;= 8: the Taylor series about the nearest table point, whose
     * derivatives follow {@code g' = 2 z g - 2 / sqrt(pi)}, {@code g^(n+1) = 2 z g^(n) + 2 n g^(n-1)}.
     */
    static double erfcx(double z) {
        int i = (int) (z * ERFCX_STEP + 0.5);
        double t = i / ERFCX_STEP;
        double d = z - t;
        double u0 = ERFCX[i];
        double u1 = (2 * t * u0 - E0) * d;
        double sum = u0 + u1;
        double a = 2 * t * d;
        double b = 2 * d * d;
        for (int n = 1; n < RECIPROCAL.length - 1; n++) {
            double u2 = (a * u1 + b * u0) * RECIPROCAL[n + 1];
            sum += u2;
            if (Math.abs(u2) <= 1e-16 * sum) {
                break;
            }
            u0 = u1;
            u1 = u2;
        }
        return sum;
    }

    /**
     * I_x(a, b) for large a and b on the side of the smaller tail, {@code x <= a / (a + b)}, by the
     * uniform asymptotic expansion (TOMS 708 {@code BASYM}), given {@code f = a rlog1(-lambda / a) +
     * b rlog1(lambda / b)} with {@code lambda = (a + b) y - b} (the caller has it from the saddle
     * point's deviance, without cancellation) and {@code corr = del(a) + del(b) - del(a + b)}, del
     * the error of Stirling's formula. NaN when the expansion does not apply or has not converged:
     * the caller then takes another route.
     */
    static double asymptoticSmallTail(double a, double b, double f, double corr) {
        if (!(Math.min(a, b) >= ASYMPTOTIC_MIN && f >= 0 && f <= (ERFCX_MAX - 0.1) * (ERFCX_MAX - 0.1))) {
            return Double.NaN;
        }
        double z0 = Math.sqrt(f);
        double z = z0 / E1 * 0.5;
        double z2 = f + f;
        double h;
        double r1;
        double w0;
        if (a < b) {
            h = a / b;
            r1 = (b - a) / b;
            w0 = 1 / Math.sqrt(a * (h + 1));
        } else {
            h = b / a;
            r1 = (b - a) / a;
            w0 = 1 / Math.sqrt(b * (h + 1));
        }
        double r0 = 1 / (h + 1);
        // the first five coefficients d_0 .. d_4 written out (the recursion below, expanded in r0, r1 and h)
        double h2 = h * h;
        double h3 = h2 * h;
        double g3 = 1 + h3;
        double r1s = r1 * r1;
        double r1c = r1s * r1;
        double r0s = r0 * r0;
        double d0 = r1 / 3;
        double d1 = 0.25 * g3 * r0 - r1s / 6;
        double d2 = -g3 / 3 * r0 * r1 + 4.0 / 27 * r1c + 0.2 * (1 + h2) * r1;
        double d3 = -0.15625 * g3 * g3 * r0s + 35.0 / 72 * g3 * r0 * r1s + (1 + h3 * h2) / 6 * r0
                - 35.0 / 216 * r1s * r1s - (1 + h2) / 3 * r1s;
        double d4 = 0.5 * g3 * g3 * r0s * r1 - 20.0 / 27 * g3 * r0 * r1c
                - (19.0 / 30 * (1 + h3 * h2) + 0.3 * h2 * (1 + h)) * r0 * r1
                + 16.0 / 81 * r1c * r1s + 8.0 / 15 * (1 + h2) * r1c + (1 + h2 + h2 * h2) / 7 * r1;
        double j0 = 0.5 / E0 * erfcx(z0);
        double j1 = E1;
        double sum = j0 + d0 * w0 * j1;
        double previous = Math.abs(d0 * w0 * j1);
        // n = 2 and n = 4: the error function's recurrence carries z
        double w = w0 * w0;
        j0 = E1 * z + j0;
        j1 = E1 * z2 + 2 * j1;
        double t0 = d1 * w * j0;
        double t1 = d2 * w * w0 * j1;
        sum += t0 + t1;
        double pair = Math.abs(t0) + Math.abs(t1);
        if (converged(pair, previous, sum)) {
            return E0 * Math.exp(-(f + corr)) * sum;
        }
        previous = pair;
        double znm1 = z2 * z;
        double zn = z2 * z2;
        j0 = E1 * znm1 + 3 * j0;
        j1 = E1 * zn + 4 * j1;
        w *= w0 * w0;
        t0 = d3 * w * j0;
        w *= w0;
        t1 = d4 * w * j1;
        sum += t0 + t1;
        pair = Math.abs(t0) + Math.abs(t1);
        if (converged(pair, previous, sum)) {
            return E0 * Math.exp(-(f + corr)) * sum;
        }
        previous = pair;
        znm1 = z2 * znm1;
        zn = z2 * zn;
        // more terms: TOMS 708's recursion from n = 6 (a0, b0, c and d depend on h alone)
        double[] a0 = new double[TERMS + 1];
        double[] b0 = new double[TERMS + 1];
        double[] c = new double[TERMS + 1];
        double[] d = new double[TERMS + 1];
        d[0] = d0;
        d[1] = d1;
        d[2] = d2;
        d[3] = d3;
        d[4] = d4;
        double s = 1;
        double hn = 1;
        a0[0] = r1 * (2.0 / 3);
        for (int n = 2; n <= 4; n += 2) {
            hn *= h2;
            a0[n - 1] = r0 * 2 * (h * hn + 1) * RECIPROCAL[n + 2];
            s += hn;
            a0[n] = r1 * 2 * s * RECIPROCAL[n + 3];
        }
        for (int i = 1; i <= 5; i++) {
            c[i - 1] = coefficientB(i, a0, b0) * RECIPROCAL[i + 1];
        }
        for (int n = 6; n <= TERMS; n += 2) {
            hn *= h2;
            a0[n - 1] = r0 * 2 * (h * hn + 1) * RECIPROCAL[n + 2];
            int np1 = n + 1;
            s += hn;
            a0[np1 - 1] = r1 * 2 * s * RECIPROCAL[n + 3];
            for (int i = n; i <= np1; i++) {
                c[i - 1] = coefficientB(i, a0, b0) * RECIPROCAL[i + 1];
                double dsum = 0;
                for (int j = 1; j <= i - 1; j++) {
                    dsum += d[i - j - 1] * c[j - 1];
                }
                d[i - 1] = -(dsum + c[i - 1]);
            }
            j0 = E1 * znm1 + (n - 1.0) * j0;
            j1 = E1 * zn + n * j1;
            znm1 = z2 * znm1;
            zn = z2 * zn;
            w *= w0;
            t0 = d[n - 1] * w * j0;
            w *= w0;
            t1 = d[np1 - 1] * w * j1;
            sum += t0 + t1;
            pair = Math.abs(t0) + Math.abs(t1);
            if (converged(pair, previous, sum)) {
                return E0 * Math.exp(-(f + corr)) * sum;
            }
            previous = pair;
        }
        return Double.NaN;
    }

    /**
     * Whether the expansion may stop: the last pair of terms is negligible against the sum, or small
     * and the next pair, predicted by the ratio of the last two (the terms fall about geometrically), negligible.
     */
    private static boolean converged(double pair, double previous, double sum) {
        return pair <= ASYMPTOTIC_LAST * sum || pair <= ASYMPTOTIC_EPS * sum && pair * pair <= ASYMPTOTIC_NEXT * sum * previous;
    }

    /** b_{i-1} of TOMS 708's recursion at r = -(i + 1) / 2, from a0 (b0 is scratch): returns b0[i - 1]. */
    private static double coefficientB(int i, double[] a0, double[] b0) {
        double r = (i + 1.0) * -0.5;
        double r1p = r + 1;
        b0[0] = r * a0[0];
        for (int m = 2; m <= i; m++) {
            // sum over j of (j r - (m - j)) a0[j - 1] b0[m - j - 1], the factor stepping by r + 1
            double coef = r1p - m;
            double even = 0;
            double odd = 0;
            int j = 1;
            for (; j + 1 <= m - 1; j += 2) {
                even += coef * a0[j - 1] * b0[m - j - 1];
                odd += (coef + r1p) * a0[j] * b0[m - j - 2];
                coef += 2 * r1p;
            }
            if (j <= m - 1) {
                even += coef * a0[j - 1] * b0[m - j - 1];
            }
            b0[m - 1] = r * a0[m - 1] + (even + odd) * RECIPROCAL[m];
        }
        return b0[i - 1];
    }

    /** log Gamma(x) for x &gt; 0. */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection keeps the series accurate near 0
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** I_x(a, b), the regularized incomplete beta function, for a, b &gt; 0. */
    static double regularizedBeta(double x, double a, double b) {
        if (!(x > 0)) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularizedBeta(1 - x, b, a);
        }
        double logFront = a * Math.log(x) + b * Math.log1p(-x) - (logGamma(a) + logGamma(b) - logGamma(a + b));
        return Math.exp(logFront) * continuedFraction(x, a, b) / a;
    }

    /** P(F &gt; f) for F with (d1, d2) degrees of freedom. */
    static double fUpperTail(double f, double d1, double d2) {
        if (!(f > 0)) {
            return 1;
        }
        if (f == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = 1 / nonZero(d);
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 / nonZero(1 + aa * d);
            c = nonZero(1 + aa / c);
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 / nonZero(1 + aa * d);
            c = nonZero(1 + aa / c);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double v) {
        return Math.abs(v) < TINY ? TINY : v;
    }
}
