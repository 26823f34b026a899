package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.result.LayerRow;
import stepwise.result.Result;

/**
 * Property: for hundreds of random stacks, the derived RF, effective stride and effective padding
 * equal an independent definition written here: the explicit set of input positions that output
 * positions 0 and 1 read, enumerated layer by layer.
 */
class ReceptiveFieldPropertyTest {

    record L(String kind, int k, int s, int d, int p) {
        String source() {
            return kind + "(k=" + k + ", s=" + s + (kind.equals("avgpool") ? "" : ", d=" + d) + ", p=" + p + ")";
        }
        int dilation() { return kind.equals("avgpool") ? 1 : d; }
    }

    /** Input positions read by output position o of the top layer: the definition, by sets. */
    static TreeSet<Long> reads(List<L> layers, long o) {
        var positions = new TreeSet<Long>(List.of(o));
        for (int i = layers.size() - 1; i >= 0; i--) {
            L l = layers.get(i);
            var below = new TreeSet<Long>();
            for (long x : positions) for (int t = 0; t < l.k(); t++) below.add(x * l.s() - l.p() + (long) t * l.dilation());
            positions = below;
        }
        return positions;
    }

    static List<L> randomStack(Random r) {
        var kinds = List.of("conv", "conv", "maxpool", "avgpool");
        var out = new ArrayList<L>();
        int depth = 1 + r.nextInt(6);
        for (int i = 0; i < depth; i++) {
            String kind = kinds.get(r.nextInt(kinds.size()));
            int k = 1 + r.nextInt(6), d = 1 + r.nextInt(3), p = r.nextInt(3);
            // PyTorch refuses pooling padding over half the effective window.
            if (kind.endsWith("pool")) p = Math.min(p, ((kind.equals("avgpool") ? 1 : d) * (k - 1) + 1) / 2);
            out.add(new L(kind, k, 1 + r.nextInt(3), d, p));
        }
        return out;
    }

    @Test
    void derivedValuesEqualTheSetDefinitionOnRandomStacks() {
        var random = new Random(6126);
        for (int trial = 0; trial < 300; trial++) {
            List<L> stack = randomStack(random);
            var src = new StringBuilder("stack S {\n");
            stack.forEach(l -> src.append("  ").append(l.source()).append('\n'));
            src.append("}\nderive receptive_field(S)\n");
            Result.Derivation d = Fixtures.firstDerivation(src.toString());
            assertTrue(d.ok() && d.steps().stream().allMatch(s -> s.verification().ok()), src::toString);
            for (int depth = 1; depth <= stack.size(); depth++) {
                var prefix = stack.subList(0, depth);
                TreeSet<Long> at0 = reads(prefix, 0), at1 = reads(prefix, 1);
                LayerRow row = d.layers().get(depth - 1);
                String where = src + " layer " + depth;
                assertEquals(String.valueOf(at0.last() - at0.first() + 1), Infix.print(row.rf().get(0)), where);
                assertEquals(String.valueOf(at1.first() - at0.first()), Infix.print(row.stride().get(0)), where);
                assertEquals(String.valueOf(-at0.first()), Infix.print(row.padding().get(0)), where);
            }
        }
    }

    @Test
    void twoHundredStrideTwoLayersStayExact() {
        var src = new StringBuilder("stack S { repeat l = 1..200 { conv(k=3, s=2) } }\nderive receptive_field(S)\n");
        Result.Derivation d = Fixtures.firstDerivation(src.toString());
        // RF = 1 + sum_{l=1}^{200} 2 * 2^(l-1) = 2^201 - 1, far beyond a long.
        assertEquals(BigInteger.TWO.pow(201).subtract(BigInteger.ONE).toString(), Infix.print(d.result()));
        assertEquals(BigInteger.TWO.pow(200).toString(), Infix.print(d.layers().get(199).stride().get(0)));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }
}
