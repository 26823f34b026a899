package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.check.ReceptiveFieldPropertyTest.L;
import stepwise.result.Result;

/**
 * Property: on random stacks, every point of a two-parameter sweep equals (1) the independent set
 * definition of the receptive field (input positions enumerated layer by layer) or the output-length
 * formula applied layer by layer, with both parameters put in, and (2) the row of the one-parameter
 * sweep of the first parameter with the second fixed by {@code where}.
 */
class TwoParameterSweepPropertyTest {

    /** A parameter that may be swept on layer {@code index}: a stride anywhere, a kernel size or dilation of a convolution. */
    record Knob(int index, String param) {
        String ref() { return "L" + (index + 1) + "." + param; }

        L apply(L layer, int v) {
            return switch (param) {
                case "k" -> new L(layer.kind(), v, layer.s(), layer.d(), layer.p());
                case "s" -> new L(layer.kind(), layer.k(), v, layer.d(), layer.p());
                default -> new L(layer.kind(), layer.k(), layer.s(), v, layer.p());
            };
        }
    }

    private static List<Knob> knobs(List<L> stack) {
        var out = new ArrayList<Knob>();
        for (int i = 0; i < stack.size(); i++) {
            out.add(new Knob(i, "s"));
            if (stack.get(i).kind().equals("conv")) {
                out.add(new Knob(i, "k"));
                out.add(new Knob(i, "d"));
            }
        }
        return out;
    }

    private static List<L> with(List<L> stack, Knob a, int va, Knob b, int vb) {
        var out = new ArrayList<>(stack);
        out.set(a.index(), a.apply(out.get(a.index()), va));
        out.set(b.index(), b.apply(out.get(b.index()), vb));
        return out;
    }

    private static long rf(List<L> stack) {
        TreeSet<Long> at0 = ReceptiveFieldPropertyTest.reads(stack, 0);
        return at0.last() - at0.first() + 1;
    }

    /** PyTorch's output length, layer by layer; zero or less when a layer leaves no output. */
    private static long length(List<L> stack, long n) {
        for (L l : stack) {
            n = Math.floorDiv(n + 2L * l.p() - (long) l.dilation() * (l.k() - 1) - 1, l.s()) + 1;
            if (n <= 0) return n;
        }
        return n;
    }

    private static String source(List<L> stack) {
        var src = new StringBuilder("stack S {\n");
        stack.forEach(l -> src.append("  ").append(l.source()).append('\n'));
        return src.append("}\n").toString();
    }

    private static List<Integer> values(Random r, int most) {
        var out = new TreeSet<Integer>();
        int count = 1 + r.nextInt(most);
        while (out.size() < count) out.add(1 + r.nextInt(5));
        return List.copyOf(out);
    }

    private static String list(List<Integer> values) {
        return values.toString();
    }

    @Test
    void everyGridPointEqualsTheDefinitionAndTheOneParameterSweep() {
        var random = new Random(9126);
        int points = 0;
        for (int trial = 0; trial < 120; trial++) {
            List<L> stack = ReceptiveFieldPropertyTest.randomStack(random);
            var knobs = knobs(stack);
            if (knobs.size() < 2) continue;
            Knob a = knobs.get(random.nextInt(knobs.size())), b = knobs.get(random.nextInt(knobs.size()));
            if (a.equals(b)) continue;
            var as = values(random, 4);
            var bs = values(random, 3);
            boolean size = random.nextBoolean();
            String target = size ? "output_size(S, n=64)" : "receptive_field(S)";
            if (size && as.stream().anyMatch(va -> bs.stream().anyMatch(vb -> length(with(stack, a, va, b, vb), 64) <= 0))) continue;
            String src = source(stack) + "sweep " + target + " over " + a.ref() + " = " + list(as) + ", " + b.ref() + " = " + list(bs) + "\n";
            var grid = Fixtures.results(Fixtures.derive(src), Result.Sweep.class).get(0);
            assertEquals(List.of(a.ref(), b.ref()), grid.params(), src);
            assertEquals(as.size() * bs.size(), grid.rows().size(), src);
            for (int vb : bs) {
                String one = source(stack) + "sweep " + target + " over " + a.ref() + " = " + list(as) + " where " + b.ref() + " = " + vb + "\n";
                var column = Fixtures.results(Fixtures.derive(one), Result.Sweep.class).get(0);
                for (int i = 0; i < as.size(); i++) {
                    int va = as.get(i);
                    var row = grid.rows().stream().filter(r -> Infix.print(r.at().get(0)).equals(String.valueOf(va))
                            && Infix.print(r.at().get(1)).equals(String.valueOf(vb))).findFirst().orElseThrow(() -> new AssertionError(src));
                    List<L> at = with(stack, a, va, b, vb);
                    long expected = size ? length(at, 64) : rf(at);
                    String where = src + " at " + a.ref() + " = " + va + ", " + b.ref() + " = " + vb;
                    assertEquals(String.valueOf(expected), Infix.print(row.value()), where);
                    assertEquals(Infix.print(column.rows().get(i).value()), Infix.print(row.value()), where);
                    assertTrue(row.verification().ok(), where);
                    points++;
                }
            }
        }
        assertTrue(points > 200, "only " + points + " grid points were compared");
    }
}
