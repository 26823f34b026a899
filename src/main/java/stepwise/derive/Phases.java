package stepwise.derive;

import java.math.BigInteger;
import java.util.List;
import stepwise.ast.Rational;

/**
 * The windows of a layer whose outputs do not all read alike: after a transposed or upsampling
 * layer, the input window of output o depends on o's phase. Output {@code o = m q + r} (q the
 * period, r = 0..q-1) reads inputs {@code lo[r] + m J q .. hi[r] + m J q}, or nothing at all when
 * {@code empty[r]}; J q is a whole number. Each layer's ends come from the ends below it by the
 * layer's gather formula (which positions below an output reads), phase by phase.
 */
record Phases(Rational jump, long period, long[] lo, long[] hi, boolean[] empty) {

    /** The windows of an affine layer: output o reads [J o - P, J o - P + RF - 1]. */
    static Phases affine(long jump, long pad, long rf) {
        return new Phases(Rational.of(jump), 1, new long[] {-pad}, new long[] {rf - pad - 1}, new boolean[] {false});
    }

    private long shift(long o) {
        long m = Math.floorDiv(o, period);
        return Math.multiplyExact(m, jump.multiply(Rational.of(period)).num().longValueExact());
    }

    boolean reads(long o) { return !empty[(int) Math.floorMod(o, period)]; }

    long lo(long o) { return lo[(int) Math.floorMod(o, period)] + shift(o); }

    long hi(long o) { return hi[(int) Math.floorMod(o, period)] + shift(o); }

    long rf(int r) { return empty[r] ? 0 : hi[r] - lo[r] + 1; }

    long rfMax() {
        long max = 0;
        for (int r = 0; r < period; r++) max = Math.max(max, rf(r));
        return max;
    }

    long rfMin() {
        long min = Long.MAX_VALUE;
        for (int r = 0; r < period; r++) min = Math.min(min, rf(r));
        return min;
    }

    /** The first phase whose output reads anything, or -1. */
    int firstReading() {
        for (int r = 0; r < period; r++) if (!empty[r]) return r;
        return -1;
    }

    /** How far left of input 0 a window starts, J r0 - lo(r0), r0 the first output that reads anything. */
    Rational pad() {
        int r = firstReading();
        return jump.multiply(Rational.of(r)).subtract(Rational.of(lo[r]));
    }

    boolean isAffine() { return period == 1 && !empty[0]; }

    /** A convolution or pooling layer: output o reads positions o s - p + i d below. */
    Phases conv(long k, long s, long d, long p) {
        long q = period / gcd(period, s);
        var next = blank(jump.multiply(Rational.of(s)), q);
        for (int r = 0; r < q; r++) {
            long[] taps = new long[(int) k];
            for (int i = 0; i < k; i++) taps[i] = r * s - p + i * d;
            next.gather(r, this, taps);
        }
        return next.reduced();
    }

    /** A transposed convolution: output o reads the positions u below with u s + i d = o + p. */
    Phases transposed(long k, long s, long d, long p) {
        long q = period * s;
        var next = blank(jump.divide(Rational.of(s)), q);
        for (int r = 0; r < q; r++) {
            var taps = new java.util.ArrayList<Long>();
            for (long i = 0; i < k; i++) {
                long x = r + p - i * d;
                if (Math.floorMod(x, s) == 0) taps.add(Math.floorDiv(x, s));
            }
            next.gather(r, this, taps.stream().mapToLong(Long::longValue).toArray());
        }
        return next.reduced();
    }

    /** Nearest upsampling by f: output o copies position floor(o / f) below. */
    Phases upsample(long f) {
        long q = period * f;
        var next = blank(jump.divide(Rational.of(f)), q);
        for (int r = 0; r < q; r++) next.gather(r, this, new long[] {Math.floorDiv(r, f)});
        return next.reduced();
    }

    /**
     * Linear upsampling by f (align_corners=False): output o sits at (o + 1/2)/f - 1/2 = (2o + 1 - f)/(2f)
     * below and reads the positions on either side, or only that one when it falls on a position.
     */
    Phases upsampleLinear(long f) {
        long q = period * f;
        var next = blank(jump.divide(Rational.of(f)), q);
        for (int r = 0; r < q; r++) {
            long x = 2L * r + 1 - f, den = 2 * f, at = Math.floorDiv(x, den);
            next.gather(r, this, Math.floorMod(x, den) == 0 ? new long[] {at} : new long[] {at, at + 1});
        }
        return next.reduced();
    }

    /** The union of parallel paths' windows at each output position; the paths share one stride. */
    static Phases union(List<Phases> paths) {
        long q = 1;
        for (Phases p : paths) q = q / gcd(q, p.period) * p.period;
        var next = blank(paths.get(0).jump, q);
        for (int r = 0; r < q; r++) {
            for (Phases p : paths) {
                if (!p.reads(r)) continue;
                next.widen(r, p.lo(r), p.hi(r));
            }
        }
        return next.reduced();
    }

    /** Whether every path's window has the same centre at every output position; else the first position where not. */
    static Long misalignedAt(List<Phases> paths) {
        long q = 1;
        for (Phases p : paths) q = q / gcd(q, p.period) * p.period;
        for (long o = 0; o < q; o++) {
            Long twice = null;
            for (Phases p : paths) {
                if (!p.reads(o)) continue;
                long c = p.lo(o) + p.hi(o);
                if (twice != null && twice != c) return o;
                twice = c;
            }
        }
        return null;
    }

    private static Phases blank(Rational jump, long q) {
        var empty = new boolean[(int) q];
        java.util.Arrays.fill(empty, true);
        return new Phases(jump, q, new long[(int) q], new long[(int) q], empty);
    }

    private void gather(int r, Phases below, long[] taps) {
        for (long t : taps) if (below.reads(t)) widen(r, below.lo(t), below.hi(t));
    }

    private void widen(int r, long from, long to) {
        if (empty[r]) { lo[r] = from; hi[r] = to; empty[r] = false; return; }
        lo[r] = Math.min(lo[r], from);
        hi[r] = Math.max(hi[r], to);
    }

    /** The same windows with the shortest period that repeats them. */
    Phases reduced() {
        for (long q = 1; q < period; q++) {
            if (period % q != 0 || !jump.multiply(Rational.of(q)).isInteger()) continue;
            if (repeatsAfter(q)) {
                var shorter = blank(jump, q);
                for (int r = 0; r < q; r++) if (!empty[r]) shorter.widen(r, lo[r], hi[r]);
                return shorter;
            }
        }
        return this;
    }

    private boolean repeatsAfter(long q) {
        long step = jump.multiply(Rational.of(q)).num().longValueExact();
        for (int r = 0; r + q < period; r++) {
            int n = (int) (r + q);
            if (empty[r] != empty[n]) return false;
            if (!empty[r] && (lo[n] != lo[r] + step || hi[n] != hi[r] + step)) return false;
        }
        return true;
    }

    private static long gcd(long a, long b) { return BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValueExact(); }
}
