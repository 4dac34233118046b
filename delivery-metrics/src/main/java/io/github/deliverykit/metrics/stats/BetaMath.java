package io.github.deliverykit.metrics.stats;

/**
 * The regularized incomplete beta function and the F distribution's upper tail, for the tests of
 * this package that need them. Lanczos log-gamma (g = 7) and Lentz's continued fraction, relative
 * error about 1e-14 in the ranges the tests use.
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

    private BetaMath() {}

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
