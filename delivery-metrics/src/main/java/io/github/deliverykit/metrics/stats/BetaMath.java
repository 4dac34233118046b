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
    private static final double ERFCX_STEP = 128;
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
        // the terms u(n + 1) = (a u(n) + b u(n - 1)) / (n + 1) two at a time, both from the last pair:
        // one multiplication and one addition a step depend on the step before
        for (int n = 1; n + 2 < RECIPROCAL.length; n += 2) {
            double a1 = a * RECIPROCAL[n + 1];
            double b1 = b * RECIPROCAL[n + 1];
            double a2 = a * RECIPROCAL[n + 2];
            double b2 = b * RECIPROCAL[n + 2];
            double u2 = a1 * u1 + b1 * u0;
            double u3 = (a2 * a1 + b2) * u1 + a2 * b1 * u0;
            sum += u2 + u3;
            if (Math.abs(u3) <= 1e-16 * sum) {
                break;
            }
            u0 = u2;
            u1 = u3;
        }
        return sum;
    }

    /**
     * I_x(a, b) for large a and b on the side of the smaller tail, {@code x <= a / (a + b)}, by the
     * uniform asymptotic expansion (TOMS 708 {@code BASYM}), given {@code f = a rlog1(-lambda / a) +
     * b rlog1(lambda / b)} with {@code lambda = (a + b) y - b} (the caller has it from the saddle
     * point's deviance, without cancellation) and {@code corr = del(a) + del(b) - del(a + b)}, del
     * the error of Stirling's formula. NaN when the expansion does not apply or has not converged:
     * the caller then takes another route. The coefficients are polynomials in h
     * ({@link #ASYMPTOTIC_D}), so no recursion runs and nothing is allocated.
     */
    static double asymptoticSmallTail(double a, double b, double f, double corr) {
        if (!(Math.min(a, b) >= ASYMPTOTIC_MIN && f >= 0 && f <= (ERFCX_MAX - 0.1) * (ERFCX_MAX - 0.1))) {
            return Double.NaN;
        }
        double z0 = Math.sqrt(f);
        double z = z0 / E1 * 0.5;
        double z2 = f + f;
        double h;
        double w0;
        if (a < b) {
            h = a / b;
            w0 = 1 / Math.sqrt(a * (h + 1));
        } else {
            // r1 = h - 1 instead of 1 - h: d_n changes by (-1)^(n + 1), which w0^(n + 1) carries
            h = b / a;
            w0 = -1 / Math.sqrt(b * (h + 1));
        }
        double j0 = 0.5 / E0 * erfcx(z0);
        double j1 = E1;
        double first = coefficient(0, h) * w0 * j1;
        double sum = j0 + first;
        double previous = Math.abs(first);
        double w = w0;
        double znm1 = z;
        double zn = z2;
        for (int n = 2; n <= TERMS; n += 2) {
            // the error function's recurrence carries z, the coefficients h
            j0 = E1 * znm1 + (n - 1.0) * j0;
            j1 = E1 * zn + n * j1;
            znm1 = z2 * znm1;
            zn = z2 * zn;
            w *= w0;
            double t0 = coefficient(n - 1, h) * w * j0;
            w *= w0;
            double t1 = coefficient(n, h) * w * j1;
            sum += t0 + t1;
            double pair = Math.abs(t0) + Math.abs(t1);
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

    /** The expansion's coefficient d_n at h for a &lt; b (Horner on {@link #ASYMPTOTIC_D}), 0 &lt;= n &lt;= {@link #TERMS}. */
    static double coefficient(int n, double h) {
        double[] c = ASYMPTOTIC_D[n];
        double v = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            v = v * h + c[i];
        }
        return v;
    }

    /**
     * The coefficients d_0 .. d_20 of the expansion as polynomials in h = min(a, b) / max(a, b),
     * constant term first, for a &lt; b. TOMS 708 computes d_n from h, r0 = 1 / (1 + h) and r1 = 1 - h
     * by an O(n^3) recursion at each call; with r0 (1 + h^(n + 1)) = 1 - h + ... + h^n (n even) every
     * quantity of that recursion is a polynomial in h, and d_n one of degree n + 1 (for a &gt;= b,
     * r1 = h - 1, d_n changes by (-1)^(n + 1)). Generated in exact rational arithmetic by
     * {@code tools/basym-coefficients.py}; the absolute values of each polynomial's coefficients add up
     * to at most 5.2 times its largest value on [0, 1], so Horner's rule loses nothing to cancellation. The test checks them
     * against the recursion run in doubles.
     */
    private static final double[][] ASYMPTOTIC_D = {
        {0.3333333333333333, -0.3333333333333333},
        {0.08333333333333333, 0.08333333333333333, 0.08333333333333333},
        {0.014814814814814815, 0.022222222222222223, -0.022222222222222223, -0.014814814814814815},
        {0.0011574074074074073, 0.0023148148148148147, 0.003472222222222222, 0.0023148148148148147,
            0.0011574074074074073},
        {-0.0003527336860670194, -0.0008818342151675485, -0.0003527336860670194, 0.0003527336860670194,
            0.0008818342151675485, 0.0003527336860670194},
        {-0.0001787551440329218, -0.0005362654320987655, -0.0005169753086419753, -0.00014017489711934156,
            -0.0005169753086419753, -0.0005362654320987655, -0.0001787551440329218},
        {-3.919263178522438e-05, -0.00013717421124828533, -0.0001763668430335097, -9.798157946306095e-05,
            9.798157946306095e-05, 0.0001763668430335097, 0.00013717421124828533, 3.919263178522438e-05},
        {-2.185448510679992e-06, -8.741794042719968e-06, -1.5240728493043307e-05, -1.5125906329610034e-05,
            -1.5068495247893395e-05, -1.5125906329610034e-05, -1.5240728493043307e-05, -8.741794042719968e-06,
            -2.185448510679992e-06},
        {1.85406221071516e-06, 8.34327994821822e-06, 1.4192483328285798e-05, 1.0738385223981931e-05,
            2.1080885278416142e-06, -2.1080885278416142e-06, -1.0738385223981931e-05, -1.4192483328285798e-05,
            -8.34327994821822e-06, -1.85406221071516e-06},
        {8.296711340953087e-07, 4.148355670476543e-06, 8.276475706594938e-06, 8.215768803520493e-06,
            3.986470595611359e-06, 6.273147905138278e-07, 3.986470595611359e-06, 8.215768803520493e-06,
            8.276475706594938e-06, 4.148355670476543e-06, 8.296711340953087e-07},
        {1.7665952736826078e-07, 9.716274005254345e-07, 2.2016121696048537e-06, 2.6200492592810836e-06,
            1.720171816193764e-06, 5.950966170444909e-07, -5.950966170444909e-07, -1.720171816193764e-06,
            -2.6200492592810836e-06, -2.2016121696048537e-06, -9.716274005254345e-07, -1.7665952736826078e-07},
        {6.707853543401498e-09, 4.024712126040899e-08, 1.0690319053053239e-07, 1.6558400776557954e-07,
            1.6554455957250576e-07, 1.113925255610447e-07, 8.284395542458865e-08, 1.113925255610447e-07,
            1.6554455957250576e-07, 1.6558400776557954e-07, 1.0690319053053239e-07, 4.024712126040899e-08,
            6.707853543401498e-09},
        {-1.0261809784240309e-08, -6.6701763597562e-08, -1.8220304761990481e-07, -2.6839736233629443e-07,
            -2.2517613840074847e-07, -1.0089150464093308e-07, -1.3218729877775755e-08, 1.3218729877775755e-08,
            1.0089150464093308e-07, 2.2517613840074847e-07, 2.6839736233629443e-07, 1.8220304761990481e-07,
            6.6701763597562e-08, 1.0261809784240309e-08},
        {-4.382036018453353e-09, -3.067425212917347e-08, -9.197975732634476e-08, -1.5311326627881346e-07,
            -1.5269197846260493e-07, -9.099129383586905e-08, -2.956600916728304e-08, -3.2999014432068605e-09,
            -2.956600916728304e-08, -9.099129383586905e-08, -1.5269197846260493e-07, -1.5311326627881346e-07,
            -9.197975732634476e-08, -3.067425212917347e-08, -4.382036018453353e-09},
        {-9.14769958223679e-10, -6.860774686677592e-09, -2.2358599932798845e-08, -4.1275816815249e-08,
            -4.708602020615278e-08, -3.3860308211576944e-08, -1.4933314170128575e-08, -3.753189532912183e-09,
            3.753189532912183e-09, 1.4933314170128575e-08, 3.3860308211576944e-08, 4.708602020615278e-08,
            4.1275816815249e-08, 2.2358599932798845e-08, 6.860774686677592e-09, 9.14769958223679e-10},
        {-2.5514193994946248e-11, -2.0411355195956999e-10, -7.38742076405458e-10, -1.5992073755457315e-09,
            -2.300334948875099e-09, -2.2994804253165183e-09, -1.6192251646270285e-09, -8.084660997248993e-10,
            -4.804163312833213e-10, -8.084660997248993e-10, -1.6192251646270285e-09, -2.2994804253165183e-09,
            -2.300334948875099e-09, -1.5992073755457315e-09, -7.38742076405458e-10, -2.0411355195956999e-10,
            -2.5514193994946248e-11},
        {5.830772132550426e-11, 4.956156312667861e-10, 1.8537941903846997e-09, 3.991143802549525e-09,
            5.420116227887653e-09, 4.7657561061203105e-09, 2.653797239471094e-09, 8.463521666361951e-10,
            8.36984668411132e-11, -8.36984668411132e-11, -8.463521666361951e-10, -2.653797239471094e-09,
            -4.7657561061203105e-09, -5.420116227887653e-09, -3.991143802549525e-09, -1.8537941903846997e-09,
            -4.956156312667861e-10, -5.830772132550426e-11},
        {2.4361948020667415e-11, 2.1925753218600676e-10, 8.769050591656204e-10, 2.0454030771088103e-09,
            3.0660269717853394e-09, 3.062065839849733e-09, 2.035993968776194e-09, 8.670617522515087e-10,
            2.1188251043626507e-10, 1.840256555538755e-11, 2.1188251043626507e-10, 8.670617522515087e-10,
            2.035993968776194e-09, 3.062065839849733e-09, 3.0660269717853394e-09, 2.0454030771088103e-09,
            8.769050591656204e-10, 2.1925753218600676e-10, 2.4361948020667415e-11},
        {5.0276692801141755e-12, 4.776285816108467e-11, 2.032620903388946e-10, 5.09774884772945e-10,
            8.332702163120137e-10, 9.258404593118408e-10, 7.062425638016302e-10, 3.6382273417357913e-10,
            1.2069525283872788e-10, 2.381069079198818e-11, -2.381069079198818e-11, -1.2069525283872788e-10,
            -3.6382273417357913e-10, -7.062425638016302e-10, -9.258404593118408e-10, -8.332702163120137e-10,
            -5.09774884772945e-10, -2.032620903388946e-10, -4.776285816108467e-11, -5.0276692801141755e-12},
        {1.1004392031956135e-13, 1.1004392031956134e-12, 5.058827063593715e-12, 1.4166926281268444e-11,
            2.6963109405056376e-11, 3.676462458457287e-11, 3.678286566966986e-11, 2.7124889173927336e-11,
            1.4606619337275326e-11, 5.732159677922706e-12, 2.845190970263831e-12, 5.732159677922706e-12,
            1.4606619337275326e-11, 2.7124889173927336e-11, 3.678286566966986e-11, 3.676462458457287e-11,
            2.6963109405056376e-11, 1.4166926281268444e-11, 5.058827063593715e-12, 1.1004392031956134e-12,
            1.1004392031956135e-13},
        {-3.371763262400985e-13, -3.5403514255210345e-12, -1.679572064922444e-11, -4.74482176927994e-11,
            -8.849086905663458e-11, -1.1400959103665613e-10, -1.029643640599522e-10, -6.452051311550342e-11,
            -2.689542122825526e-11, -6.6643941678163835e-12, -5.309279548697569e-13, 5.309279548697569e-13,
            6.6643941678163835e-12, 2.689542122825526e-11, 6.452051311550342e-11, 1.029643640599522e-10,
            1.1400959103665613e-10, 8.849086905663458e-11, 4.74482176927994e-11, 1.679572064922444e-11,
            3.5403514255210345e-12, 3.371763262400985e-13}
    };

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
