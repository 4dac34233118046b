package io.github.deliverykit.policy.canary.accuracy;

import io.github.deliverykit.policy.canary.Observation;
import io.github.deliverykit.policy.canary.Observation.Variant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The labelled canary scenario corpus: generated, seeded and deterministic. Each scenario describes
 * one 30-minute stage of canary and baseline traffic (latency samples, request counts with errors, a
 * health check); run {@code i} of a scenario is always the same observations (seed = scenario seed
 * mixed with {@code i}). A scenario is either harmless (A/A: the canary is the baseline) or harmful
 * (the canary is worse).
 */
final class ScenarioCorpus {

    static final Instant T0 = Instant.parse("2026-01-25T10:00:00Z");
    static final Duration STAGE = Duration.ofMinutes(30);
    static final String LATENCY = "latency";
    static final String REQUESTS = "requests";

    /** Baseline latency: log-normal, median 100 ms, log-sd 0.5 (P99 about 320 ms, below the seed's 500 ms gate). */
    static final double MEDIAN_MS = 100;
    static final double LOG_SD = 0.5;

    private ScenarioCorpus() {}

    /** Whether a scenario is harmless (judged by its false-fail rate) or harmful (by its false-pass rate). */
    enum Kind { HARMLESS, HARMFUL, SMALL_SHIFT }

    /** How one variant's latency samples are drawn. */
    @FunctionalInterface
    interface Latency {
        double[] draw(SplittableRandom rnd, int n);
    }

    /**
     * One scenario.
     *
     * @param id the stable id (a table row)
     * @param kind harmless, harmful, or a small shift (reported, no goal)
     * @param description what differs, and the report it reproduces
     * @param samples latency samples per variant
     * @param canary the canary's latency
     * @param baseline the baseline's latency
     * @param requests requests per variant
     * @param canaryErrorRate the canary's probability that a request fails
     * @param baselineErrorRate the baseline's
     * @param shift the location shift (canary / baseline - 1), NaN when not a shift scenario
     */
    record Scenario(String id, Kind kind, String description, int samples, Latency canary, Latency baseline,
            int requests, double canaryErrorRate, double baselineErrorRate, double shift) {

        /** The observations of run {@code run}: the same for the same run, whatever else ran before. */
        List<Observation> observations(int run) {
            SplittableRandom rnd = new SplittableRandom(seed(id) * 0x9E3779B97F4A7C15L + run);
            List<Observation> out = new ArrayList<>(2 * samples + 3);
            double[] c = canary.draw(rnd, samples);
            double[] b = baseline.draw(rnd, samples);
            for (int i = 0; i < samples; i++) {
                Instant at = at(i, samples);
                out.add(new Observation.Sample(at, Variant.CANARY, LATENCY, c[i]));
                out.add(new Observation.Sample(at, Variant.BASELINE, LATENCY, b[i]));
            }
            out.add(new Observation.Count(T0, Variant.CANARY, REQUESTS, binomial(rnd, requests, canaryErrorRate), requests));
            out.add(new Observation.Count(T0, Variant.BASELINE, REQUESTS, binomial(rnd, requests, baselineErrorRate), requests));
            out.add(new Observation.Health(T0, "readiness", true));
            return out;
        }

        private static Instant at(int i, int n) {
            return T0.plusMillis(STAGE.toMillis() * i / n);
        }
    }

    /** All scenarios, in table order. */
    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario("aa", Kind.HARMLESS, "A/A: 100 latency samples and 1,000 requests (0.2 % errors) per variant",
                100, logNormal(1), logNormal(1), 1000, 0.002, 0.002, Double.NaN));
        s.add(new Scenario("aa-low-traffic", Kind.HARMLESS, "A/A at low traffic: 30 samples and 30 requests (0.5 % errors)",
                30, logNormal(1), logNormal(1), 30, 0.005, 0.005, Double.NaN));
        s.add(new Scenario("aa-long-tail", Kind.HARMLESS, "A/A, both with a long tail: 10 % of samples Pareto (300 ms, alpha 1.5)",
                100, longTail(0.10), longTail(0.10), 1000, 0.002, 0.002, Double.NaN));
        s.add(new Scenario("aa-outliers", Kind.HARMLESS, "A/A, both with 2 % of samples at 100x the median",
                100, outliers(0.02), outliers(0.02), 1000, 0.002, 0.002, Double.NaN));
        s.add(new Scenario("aa-sparse-errors", Kind.HARMLESS, "A/A with sparse errors: 0.05 % of 1,000 requests (mostly 0)",
                100, logNormal(1), logNormal(1), 1000, 0.0005, 0.0005, Double.NaN));
        for (double shift : new double[] {0.05, 0.10, 0.20, 0.30, 0.40}) {
            s.add(shift(shift, Kind.SMALL_SHIFT));
        }
        for (double shift : new double[] {0.50, 1.00}) {
            s.add(shift(shift, Kind.HARMFUL));
        }
        s.add(new Scenario("variance-jump", Kind.HARMFUL, "Spread x3 with the same median (kayenta#780): log-sd 1.5 against 0.5",
                100, logNormalSd(1.5), logNormal(1), 1000, 0.002, 0.002, Double.NaN));
        s.add(new Scenario("outliers-7-of-10", Kind.HARMFUL, "7 of 10 canary samples at 100x the baseline (spinnaker#6278), 10 samples",
                10, exactOutliers(7), logNormal(1), 1000, 0.002, 0.002, Double.NaN));
        s.add(new Scenario("outliers-21-of-30", Kind.HARMFUL, "The same share, 21 of 30 samples at 100x (one point a minute)",
                30, exactOutliers(21), logNormal(1), 1000, 0.002, 0.002, Double.NaN));
        s.add(new Scenario("heavy-outliers", Kind.HARMFUL, "10 of 100 canary samples at 100x the baseline median",
                100, exactOutliers(10), logNormal(1), 1000, 0.002, 0.002, Double.NaN));
        s.add(new Scenario("sparse-errors", Kind.HARMFUL, "Sparse errors (kayenta#426): canary 1.5 % against 0.02 % of 1,000 requests",
                100, logNormal(1), logNormal(1), 1000, 0.015, 0.0002, Double.NaN));
        s.add(new Scenario("sparse-errors-below-power", Kind.HARMFUL,
                "Sparse errors below the power bound: canary 0.8 % against 0.02 % (8 errors expected)",
                100, logNormal(1), logNormal(1), 1000, 0.008, 0.0002, Double.NaN));
        s.add(new Scenario("low-traffic", Kind.HARMFUL, "Low traffic: 40 requests, canary 30 % errors against 0.5 %, 40 samples",
                40, logNormal(1), logNormal(1), 40, 0.30, 0.005, Double.NaN));
        s.add(new Scenario("low-traffic-below-power", Kind.HARMFUL,
                "Low traffic below the power bound: 30 requests, canary 15 % errors against 0.5 %",
                30, logNormal(1), logNormal(1), 30, 0.15, 0.005, Double.NaN));
        s.add(new Scenario("long-tail", Kind.HARMFUL, "Canary grows a long tail: 15 % of samples Pareto (300 ms, alpha 1.2)",
                100, longTailAlpha(0.15, 1.2), logNormal(1), 1000, 0.002, 0.002, Double.NaN));
        return List.copyOf(s);
    }

    private static Scenario shift(double shift, Kind kind) {
        String pct = String.valueOf(Math.round(shift * 100));
        return new Scenario("shift-" + pct, kind, "Canary latency " + pct + " % higher (location shift)",
                100, logNormal(1 + shift), logNormal(1), 1000, 0.002, 0.002, shift);
    }

    static Latency logNormal(double factor) {
        return (rnd, n) -> {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = factor * MEDIAN_MS * Math.exp(LOG_SD * gaussian(rnd));
            }
            return a;
        };
    }

    static Latency logNormalSd(double sd) {
        return (rnd, n) -> {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = MEDIAN_MS * Math.exp(sd * gaussian(rnd));
            }
            return a;
        };
    }

    static Latency longTail(double share) {
        return longTailAlpha(share, 1.5);
    }

    /** The log-normal body, with each sample replaced by a Pareto(300 ms, alpha) draw with probability share. */
    static Latency longTailAlpha(double share, double alpha) {
        return (rnd, n) -> {
            double[] a = logNormal(1).draw(rnd, n);
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < share) {
                    a[i] = 300 / Math.pow(1 - rnd.nextDouble(), 1 / alpha);
                }
            }
            return a;
        };
    }

    /** The log-normal body, each sample at 100x with probability share. */
    static Latency outliers(double share) {
        return (rnd, n) -> {
            double[] a = logNormal(1).draw(rnd, n);
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < share) {
                    a[i] *= 100;
                }
            }
            return a;
        };
    }

    /** Exactly k of the n samples at 100x the baseline median (with the body's noise), the others from the body. */
    static Latency exactOutliers(int k) {
        return (rnd, n) -> {
            double[] a = logNormal(1).draw(rnd, n);
            for (int i = 0; i < k; i++) {
                a[i] *= 100;
            }
            return a;
        };
    }

    /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static long binomial(SplittableRandom rnd, int n, double p) {
        long k = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private static long seed(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        return h;
    }
}
