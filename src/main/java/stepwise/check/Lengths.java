package stepwise.check;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.model.AxisParams;
import stepwise.model.Layer;
import stepwise.model.LayerKind;
import stepwise.model.Net;
import stepwise.model.Padding;

/**
 * Brute force for output lengths, independent of the size formulas: count the output positions
 * whose window fits inside the padded input, or, for a transposed convolution, find the last
 * position any input writes to. Lengths beyond {@link #LIMIT} are not enumerated (null).
 */
public final class Lengths {
    private Lengths() {}

    public static final long LIMIT = 1_000_000;
    /** Window positions (or scattered taps) counted in one call at most, over all layers: beyond, lengths are not enumerated. */
    public static final long WORK = 20_000_000;

    /** The length after every layer and parallel block (by name), or null where too large to count. */
    public static Map<String, BigInteger> lengths(Net net, int axis, BigInteger n) {
        var out = new LinkedHashMap<String, BigInteger>();
        walk(net.nodes(), n, axis, out, new long[] {WORK});
        return out;
    }

    private static BigInteger walk(List<Net.Node> nodes, BigInteger n, int axis, Map<String, BigInteger> out, long[] budget) {
        for (Net.Node node : nodes) {
            if (n == null) { out.put(node.name(), null); continue; }
            if (node instanceof Net.LayerNode l) {
                n = through(l.layer(), n, axis, budget);
            } else {
                BigInteger common = null;
                for (var path : ((Net.ParallelNode) node).paths()) {
                    BigInteger m = walk(path, n, axis, out, budget);
                    if (common != null && m != null && !common.equals(m)) throw new IllegalArgumentException("paths differ in length");
                    common = m;
                }
                n = common;
            }
            out.put(node.name(), n);
        }
        return n;
    }

    private static BigInteger through(Layer layer, BigInteger n, int axis, long[] budget) {
        AxisParams p = layer.axis(axis);
        if (n.bitLength() > 62) return null;
        long len = n.longValueExact();
        if (len > LIMIT) return null;
        // The work this layer's enumeration takes, at most: positions of the padded input, or input times kernel taps.
        long work = layer.kind() == LayerKind.TCONV ? len * integer(p.k()) : len + 2 * integer(p.leftPadding()) + integer(p.k()) * integer(p.d()) + 2;
        if ((budget[0] -= work) < 0) return null;
        long k = integer(p.k()), s = integer(p.s()), d = integer(p.d()), op = integer(p.op()), f = integer(p.f());
        long left = integer(p.leftPadding());
        long right = p.p() instanceof Padding.Same ? d * (k - 1) - left : left;
        if (p.p() instanceof Padding.Same && s > 1) {
            // TensorFlow's 'same': ceil(n / s) outputs; the padding that makes the last window fit, the smaller half on the left.
            long effective = (layer.kind() == LayerKind.AVGPOOL ? 1 : d) * (k - 1) + 1, outputs = (len + s - 1) / s;
            long total = Math.max((outputs - 1) * s + effective - len, 0);
            left = total / 2;
            right = total - left;
        }
        if (layer.kind() == LayerKind.UPSAMPLE) return BigInteger.valueOf(len * f);
        if (layer.kind() == LayerKind.TCONV) return BigInteger.valueOf(scatterLength(len, k, s, d, left, op));
        if (layer.kind() == LayerKind.AVGPOOL) d = 1;
        if (layer.ceilMode()) return BigInteger.valueOf(ceilModeCount(len, k, d, s, left, right));
        long count = 0;
        // Output o reads positions o s - left + i d; it exists while the last tap stays inside the padded input.
        for (long o = 0; o * s - left + (k - 1) * d <= len - 1 + right; o++) count++;
        return BigInteger.valueOf(count);
    }

    /**
     * PyTorch's ceil_mode, simulated: windows are laid one every s from the left padding while the
     * window before (for the first, a window one stride further left) ends short of the padded
     * input's end; then those that would start in the right padding are dropped.
     */
    private static long ceilModeCount(long n, long k, long d, long s, long left, long right) {
        long last = n - 1 + right, count = 0;
        for (long o = 0; ; o++) {
            long previousEnd = (o - 1) * s - left + (k - 1) * d;
            if (previousEnd >= last) break;
            if (o * s - left > n - 1) break;
            count++;
        }
        return count;
    }

    /** Every input i writes to i s + j d (j = 0..k-1); the output spans those, cropped by p, extended by op. */
    private static long scatterLength(long n, long k, long s, long d, long p, long op) {
        long last = -1;
        for (long i = 0; i < n; i++) for (long j = 0; j < k; j++) last = Math.max(last, i * s + j * d);
        return last + 1 - 2 * p + op;
    }

    private static long integer(Expr e) {
        return Exact.eval(e, Map.of()).num().longValueExact();
    }
}
