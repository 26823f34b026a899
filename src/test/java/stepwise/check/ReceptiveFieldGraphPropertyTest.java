package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.diag.BadInput;
import stepwise.result.LayerRow;
import stepwise.result.Result;

/**
 * Property: on random graphs of convolution, pooling, transposed convolution, upsampling layers and
 * parallel blocks (pooling with and without ceil_mode, padding up to PyTorch's limit), every derived receptive field (largest and smallest over output positions),
 * effective stride and effective padding, and every block's alignment, equal what a position-set
 * enumerator written here finds. The enumerator follows each layer's definition in the direction
 * PyTorch computes it: a transposed convolution's input u adds its kernel at outputs u s - p + i d,
 * so an output reads every input whose copy lands on it, found by scanning a generous range of u.
 */
class ReceptiveFieldGraphPropertyTest {

    sealed interface Node permits Layer, Block {}

    record Layer(String name, String kind, int k, int s, int d, int p, int f, boolean ceil) implements Node {
        Layer(String name, String kind, int k, int s, int d, int p, int f) { this(name, kind, k, s, d, p, f, false); }

        String source() {
            String ceilMode = ceil ? ", ceil_mode=true" : "";
            return name + " = " + switch (kind) {
                case "upsample" -> "upsample(f=" + f + ")";
                case "linear" -> "upsample(f=" + f + ", mode=linear)";
                case "avgpool" -> "avgpool(k=" + k + ", s=" + s + ", p=" + p + ceilMode + ")";
                case "maxpool" -> "maxpool(k=" + k + ", s=" + s + ", d=" + d + ", p=" + p + ceilMode + ")";
                default -> kind + "(k=" + k + ", s=" + s + ", d=" + d + ", p=" + p + ")";
            };
        }
    }

    record Block(String name, List<List<Node>> paths) implements Node {}

    private int counter;

    private Layer randomLayer(Random r) {
        String name = "A" + (++counter);
        return switch (r.nextInt(6)) {
            case 0, 1 -> new Layer(name, "conv", 1 + r.nextInt(5), 1 + r.nextInt(3), 1 + r.nextInt(2), r.nextInt(3), 1);
            case 2 -> {
                int k = 1 + r.nextInt(4), d = 1 + r.nextInt(2);
                yield new Layer(name, "maxpool", k, 1 + r.nextInt(3), d, r.nextInt((d * (k - 1) + 1) / 2 + 1), 1, r.nextBoolean());
            }
            case 3 -> { int k = 1 + r.nextInt(4); yield new Layer(name, "avgpool", k, 1 + r.nextInt(3), 1, r.nextInt(k / 2 + 1), 1, r.nextBoolean()); }
            case 4 -> new Layer(name, "tconv", 1 + r.nextInt(5), 1 + r.nextInt(3), 1 + r.nextInt(2), r.nextInt(3), 1);
            default -> new Layer(name, r.nextBoolean() ? "upsample" : "linear", 1, 1, 1, 0, 2 + r.nextInt(2));
        };
    }

    private List<Node> randomNodes(Random r, int depth, boolean blocks) {
        var out = new ArrayList<Node>();
        for (int i = 0; i < depth; i++) {
            if (blocks && r.nextInt(3) == 0) {
                var paths = new ArrayList<List<Node>>();
                int n = 2 + r.nextInt(2);
                for (int j = 0; j < n; j++) paths.add(randomNodes(r, r.nextInt(3), false));
                out.add(new Block("B" + (++counter), paths));
            } else {
                out.add(randomLayer(r));
            }
        }
        return out;
    }

    private static void source(List<Node> nodes, StringBuilder sb) {
        for (Node n : nodes) {
            if (n instanceof Layer l) { sb.append("  ").append(l.source()).append('\n'); continue; }
            var b = (Block) n;
            sb.append("  ").append(b.name()).append(" = parallel {\n");
            for (var path : b.paths()) {
                sb.append("  path {\n");
                source(path, sb);
                sb.append("  }\n");
            }
            sb.append("  }\n");
        }
    }

    // ---- the enumerator ----------------------------------------------------------------------

    /** The input positions that a set of positions at the output of {@code nodes[0..upto)} reads. */
    static TreeSet<Long> down(List<Node> nodes, int upto, TreeSet<Long> positions) {
        for (int i = upto - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n instanceof Layer l) {
                positions = below(l, positions);
            } else {
                var union = new TreeSet<Long>();
                for (var path : ((Block) n).paths()) union.addAll(down(path, path.size(), positions));
                positions = union;
            }
        }
        return positions;
    }

    static TreeSet<Long> below(Layer l, TreeSet<Long> positions) {
        var out = new TreeSet<Long>();
        for (long o : positions) {
            switch (l.kind()) {
                case "upsample" -> out.add(Math.floorDiv(o, (long) l.f()));
                case "linear" -> {
                    // Linear interpolation weighs u by max(0, 1 - |src - u|), src = (o + 1/2)/f - 1/2: it reads u with |2f u - (2o + 1 - f)| < 2f.
                    long f = l.f(), centre = Math.floorDiv(2 * o + 1 - f, 2 * f);
                    for (long u = centre - 2; u <= centre + 2; u++) if (Math.abs(2 * f * u - (2 * o + 1 - f)) < 2 * f) out.add(u);
                }
                case "tconv" -> {
                    long centre = Math.floorDiv(o + l.p(), l.s());
                    for (long u = centre - (long) l.k() * l.d() - 2; u <= centre + 2; u++) {
                        for (int i = 0; i < l.k(); i++) if (u * l.s() - l.p() + (long) i * l.d() == o) out.add(u);
                    }
                }
                default -> { for (int i = 0; i < l.k(); i++) out.add(o * l.s() - l.p() + (long) i * l.d()); }
            }
        }
        return out;
    }

    record Truth(long rfMax, long rfMin, Rational jump, Rational pad) {}

    static Truth measure(java.util.function.LongFunction<TreeSet<Long>> window, long q) {
        long max = 0, min = Long.MAX_VALUE;
        for (long o = 0; o < q; o++) {
            var w = window.apply(o);
            long rf = w.isEmpty() ? 0 : w.last() - w.first() + 1;
            max = Math.max(max, rf);
            min = Math.min(min, rf);
        }
        for (long o = 0; o <= q; o++) {
            var a = window.apply(o);
            var b = window.apply(o + q);
            if (a.isEmpty() || b.isEmpty()) continue;
            Rational jump = Rational.of(b.first() - a.first(), q);
            return new Truth(max, min, jump, jump.multiply(Rational.of(o)).subtract(Rational.of(a.first())));
        }
        return new Truth(max, min, null, null);
    }

    private static long period(List<Node> nodes) {
        long q = 1;
        for (Node n : nodes) {
            if (n instanceof Layer l) q *= l.kind().equals("tconv") ? l.s() : l.kind().equals("upsample") || l.kind().equals("linear") ? l.f() : 1;
            else for (var p : ((Block) n).paths()) q *= period(p);
        }
        return q;
    }

    /** Expected values of every named node, and alignment of blocks; null after a block whose strides differ. */
    private Map<String, Object> expected(List<Node> top) {
        var out = new HashMap<String, Object>();
        long q = period(top);
        walk(top, new ArrayList<>(), q, out);
        return out;
    }

    /** Walks nodes with the chain of nodes below them (as a function from positions to input positions). */
    private boolean walk(List<Node> nodes, List<java.util.function.UnaryOperator<TreeSet<Long>>> belowChain, long q, Map<String, Object> out) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            final List<Node> prefix = nodes.subList(0, i + 1);
            var chain = new ArrayList<>(belowChain);
            java.util.function.UnaryOperator<TreeSet<Long>> here = s -> down(prefix, prefix.size(), s);
            if (n instanceof Block b) {
                var pathTruths = new ArrayList<Truth>();
                var ends = new ArrayList<java.util.function.LongFunction<TreeSet<Long>>>();
                for (var path : b.paths()) {
                    var pathChain = new ArrayList<>(belowChain);
                    final List<Node> before = nodes.subList(0, i);
                    pathChain.add(0, s -> down(before, before.size(), s));
                    if (!walk(path, pathChain, q, out)) return false;
                    java.util.function.LongFunction<TreeSet<Long>> end = o -> apply(pathChain, down(path, path.size(), single(o)));
                    ends.add(end);
                    pathTruths.add(measure(end, q));
                }
                boolean sameStride = pathTruths.stream().map(Truth::jump).distinct().count() == 1;
                boolean aligned = sameStride && centred(ends, q);
                out.put(b.name() + ".aligned", aligned);
                if (!sameStride) {
                    out.put(b.name(), new Truth(pathTruths.stream().mapToLong(Truth::rfMax).max().orElseThrow(), 0, null, null));
                    return false;
                }
            }
            chain.add(0, here);
            out.put(nameOf(n), measure(o -> apply(chain, single(o)), q));
        }
        return true;
    }

    private static boolean centred(List<java.util.function.LongFunction<TreeSet<Long>>> ends, long q) {
        for (long o = 0; o < 2 * q; o++) {
            Long c = null;
            for (var end : ends) {
                var w = end.apply(o);
                if (w.isEmpty()) continue;
                long twice = w.first() + w.last();
                if (c != null && c != twice) return false;
                c = twice;
            }
        }
        return true;
    }

    private static TreeSet<Long> apply(List<java.util.function.UnaryOperator<TreeSet<Long>>> chain, TreeSet<Long> s) {
        for (var f : chain) s = f.apply(s);
        return s;
    }

    private static TreeSet<Long> single(long o) { return new TreeSet<>(List.of(o)); }

    private static String nameOf(Node n) { return n instanceof Layer l ? l.name() : ((Block) n).name(); }

    // ---- the property --------------------------------------------------------------------------

    @Test
    void everyDerivedValueAndAlignmentEqualsTheEnumeratedWindows() {
        var random = new Random(20261126);
        int stacks = 0, rows = 0, aligned = 0, misaligned = 0, refused = 0, varying = 0, fractional = 0;
        for (int trial = 0; trial < Integer.getInteger("stepwise.trials", 600); trial++) {
            counter = 0;
            List<Node> nodes = randomNodes(random, 1 + random.nextInt(5), true);
            if (period(nodes) > 64) continue;
            var sb = new StringBuilder("stack S {\n");
            source(nodes, sb);
            String src = sb.append("}\nderive receptive_field(S)\n").toString();
            Result.Derivation d;
            try {
                d = Fixtures.firstDerivation(src);
            } catch (BadInput e) {
                assertTrue(e.getMessage().contains("reads no input at any output position"), src + e.getMessage());
                refused++;
                continue;
            }
            stacks++;
            assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()), src);
            var truth = expected(nodes);
            for (LayerRow row : d.layers()) {
                Truth t = (Truth) truth.get(row.name());
                assertNotNull(t, src + row.name());
                String where = src + " at " + row.name();
                assertEquals(String.valueOf(t.rfMax()), Infix.print(row.rf().get(0)), where);
                if (t.jump() == null) { assertEquals(List.of(), row.stride(), where); continue; }
                String min = row.rfVaries() ? Infix.print(row.rfMin().get(0)) : Infix.print(row.rf().get(0));
                assertEquals(String.valueOf(t.rfMin()), min, where);
                assertEquals(t.jump().toString(), Infix.print(row.stride().get(0)), where);
                assertEquals(t.pad().toString(), Infix.print(row.padding().get(0)), where);
                rows++;
                if (t.rfMin() != t.rfMax()) varying++;
                if (!t.jump().isInteger()) fractional++;
                Object a = truth.get(row.name() + ".aligned");
                if (a == null) { assertNull(row.aligned(), where); continue; }
                assertEquals(a, row.aligned(), where);
                assertEquals(!(Boolean) a, row.reason() != null, where);
                if ((Boolean) a) aligned++; else misaligned++;
            }
        }
        System.out.printf("graph property: %d stacks, %d rows, %d varying RF, %d fractional J, %d aligned, %d misaligned blocks, %d refused%n",
                stacks, rows, varying, fractional, aligned, misaligned, refused);
        assertTrue(stacks > 250 && varying > 20 && fractional > 20 && aligned > 10 && misaligned > 10);
    }
}
