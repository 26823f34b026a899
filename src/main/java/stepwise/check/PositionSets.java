package stepwise.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import stepwise.ast.Rational;
import stepwise.model.AxisParams;
import stepwise.model.Layer;
import stepwise.model.LayerKind;
import stepwise.model.Net;

/**
 * Brute force for stacks with transposed or upsampling layers: for every output position of a
 * period of positions, the set of input positions it reads, followed layer by layer down to the
 * input from each layer's definition. A convolution's output o reads {@code o s - p + i d}; a
 * transposed convolution's input u writes to {@code u s - p + i d}, so its output o reads every u
 * that writes there; nearest upsampling's output o copies input {@code floor(o / f)}. Windows
 * repeat, shifted, after the product of all the up-sampling factors of the stack, so that many
 * consecutive output positions (and as many again, for the stride) show every window there is.
 */
final class PositionSets {
    private PositionSets() {}

    /** Sets larger than this are not enumerated: the values they would give are unknown (null). */
    static final int LARGEST = 1 << 20;
    /** Periods longer than this are not enumerated. */
    static final long LONGEST_PERIOD = 1 << 12;

    private static final class TooLarge extends RuntimeException {
        TooLarge() { super(null, null, false, false); }
    }

    static Map<String, Windows.Window> windows(Net net, int axis) {
        long period = 1;
        for (Layer l : net.allLayers()) {
            AxisParams p = l.axis(axis);
            if (l.kind() == LayerKind.TCONV) period *= Windows.integer(p.s()).longValueExact();
            if (l.kind() == LayerKind.UPSAMPLE) period *= Windows.integer(p.f()).longValueExact();
            if (period > LONGEST_PERIOD) break;
        }
        var out = new LinkedHashMap<String, Windows.Window>();
        walk(net.nodes(), UnaryOperator.identity(), axis, period > LONGEST_PERIOD ? -1 : period, out);
        return out;
    }

    private static UnaryOperator<long[]> walk(List<Net.Node> nodes, UnaryOperator<long[]> below, int axis, long period,
                                              Map<String, Windows.Window> out) {
        for (Net.Node node : nodes) {
            if (below == null || period < 0) { out.put(node.name(), null); continue; }
            if (node instanceof Net.LayerNode l) {
                UnaryOperator<long[]> under = below;
                Layer layer = l.layer();
                below = positions -> under.apply(reads(layer, axis, positions));
                out.put(node.name(), measure(below, period, null));
            } else {
                below = block((Net.ParallelNode) node, below, axis, period, out);
            }
        }
        return below;
    }

    private static UnaryOperator<long[]> block(Net.ParallelNode block, UnaryOperator<long[]> below, int axis, long period,
                                               Map<String, Windows.Window> out) {
        var ends = new ArrayList<UnaryOperator<long[]>>();
        var windows = new ArrayList<Windows.Window>();
        for (var path : block.paths()) {
            var end = walk(path, below, axis, period, out);
            Windows.Window w = end == null ? null : measure(end, period, null);
            if (w == null || w.jump() == null) { out.put(block.name(), null); return null; }
            ends.add(end);
            windows.add(w);
        }
        if (windows.stream().map(Windows.Window::jump).distinct().count() > 1) {
            BigInteger largest = windows.stream().map(Windows.Window::rfMax).reduce(BigInteger.ZERO, BigInteger::max);
            out.put(block.name(), new Windows.Window(largest, largest, null, null, false));
            return null;
        }
        UnaryOperator<long[]> union = positions -> {
            long[][] parts = new long[ends.size()][];
            for (int i = 0; i < parts.length; i++) parts[i] = ends.get(i).apply(positions);
            return distinct(Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray());
        };
        out.put(block.name(), measure(union, period, centred(ends, period)));
        return union;
    }

    /** Whether, at every output position of two periods, every path's window has the same centre. */
    private static boolean centred(List<UnaryOperator<long[]>> ends, long period) {
        for (long o = 0; o < 2 * period; o++) {
            Long twiceCentre = null;
            for (var end : ends) {
                long[] set = end.apply(new long[] {o});
                if (set.length == 0) continue;
                long c = set[0] + set[set.length - 1];
                if (twiceCentre != null && twiceCentre != c) return false;
                twiceCentre = c;
            }
        }
        return true;
    }

    /** RF, J and P from the windows of output positions 0 .. 2 period; null when a set is too large. */
    private static Windows.Window measure(UnaryOperator<long[]> down, long period, Boolean aligned) {
        long[][] sets = new long[(int) (2 * period + 1)][];
        try {
            for (int o = 0; o < sets.length; o++) sets[o] = down.apply(new long[] {o});
        } catch (TooLarge e) {
            return null;
        }
        long max = 0, min = Long.MAX_VALUE;
        for (int o = 0; o < period; o++) {
            long rf = sets[o].length == 0 ? 0 : sets[o][sets[o].length - 1] - sets[o][0] + 1;
            max = Math.max(max, rf);
            min = Math.min(min, rf);
        }
        Rational jump = null;
        int first = -1;
        for (int o = 0; o <= period; o++) {
            if (sets[o].length == 0 || sets[o + (int) period].length == 0) continue;
            Rational j = Rational.of(sets[o + (int) period][0] - sets[o][0], period);
            if (jump != null && !jump.equals(j)) throw new IllegalStateException("windows do not repeat after " + period + " outputs");
            if (jump == null) { jump = j; first = o; }
        }
        if (jump == null) return new Windows.Window(BigInteger.valueOf(max), BigInteger.valueOf(min), null, null, aligned);
        Rational pad = jump.multiply(Rational.of(first)).subtract(Rational.of(sets[first][0]));
        return new Windows.Window(BigInteger.valueOf(max), BigInteger.valueOf(min), jump, pad, aligned);
    }

    /** The positions of the layer below that the given positions of this layer read, by the layer's definition. */
    static long[] reads(Layer layer, int axis, long[] positions) {
        AxisParams p = layer.axis(axis);
        long k = Windows.integer(p.k()).longValueExact(), s = Windows.integer(p.s()).longValueExact();
        long d = Windows.integer(p.d()).longValueExact(), pad = Windows.integer(p.leftPadding()).longValueExact();
        if ((long) positions.length * k > LARGEST) throw new TooLarge();
        var out = new long[(int) (positions.length * (layer.kind() == LayerKind.UPSAMPLE ? 2 : k))];
        int n = 0;
        for (long o : positions) {
            switch (layer.kind()) {
                case UPSAMPLE -> {
                    long f = Windows.integer(p.f()).longValueExact();
                    if (!layer.linear()) { out[n++] = Math.floorDiv(o, f); break; }
                    // PyTorch's linear interpolation (align_corners=False): source (o + 1/2)/f - 1/2, weights 1 - lambda and lambda.
                    Rational src = Rational.of(2 * o + 1, 2 * f).subtract(Rational.of(1, 2));
                    long i0 = src.floor().longValueExact();
                    Rational lambda = src.subtract(Rational.of(i0));
                    if (Rational.ONE.subtract(lambda).signum() > 0) out[n++] = i0;
                    if (lambda.signum() > 0) out[n++] = i0 + 1;
                }
                case TCONV -> {
                    // Input u writes to u s - pad + i d; scan the inputs whose copies can reach o.
                    for (long u = Math.floorDiv(o + pad - (k - 1) * d, s); u <= Math.floorDiv(o + pad, s); u++) {
                        for (long i = 0; i < k; i++) if (u * s - pad + i * d == o) { out[n++] = u; break; }
                    }
                }
                default -> { for (long i = 0; i < k; i++) out[n++] = o * s - pad + i * d; }
            }
        }
        return distinct(Arrays.copyOf(out, n));
    }

    private static long[] distinct(long[] values) {
        if (values.length > LARGEST) throw new TooLarge();
        return Arrays.stream(values).sorted().distinct().toArray();
    }
}
