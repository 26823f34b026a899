package stepwise.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.result.Verification;

/** Nested floors of a symbolic length fold into one, and the folded form agrees with layer-by-layer window counting. */
class FloorFormTest {
    @Test
    void threeStrideTwoLayersGiveOneFloor() {
        var d = Fixtures.firstDerivation("stack P { a = conv(k=3, s=2, p=1) b = conv(k=3, s=2, p=1) c = conv(k=3, s=2, p=1) }\n"
                + "derive output_size(P, n=N)\n");
        assertEquals("floor((N - 1)/8) + 1", Infix.print(d.result()));
        // The unsimplified form stays as the link before, so the reader sees the algebra.
        var last = d.steps().get(2);
        assertTrue(Infix.print(last.chain().get(1)).contains("floor((N - 1)/4)"), Infix.print(last.chain().get(1)));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().status() == Verification.Status.VERIFIED));
    }

    @Test
    void aStrideOneLayerAfterAStridedOneFoldsItsConstantIntoTheFloor() {
        var d = Fixtures.firstDerivation("stack Q1 { H1 = conv(k=5, s=2) H2 = conv(k=3) H3 = conv(k=5, d=2) }\nderive output_size(Q1, n=N)\n");
        assertEquals("floor((N - 25)/2) + 1", Infix.print(d.result()));
        var condition = d.steps().get(2).condition();
        assertEquals("N >= 25", Infix.print(condition.left()) + " " + condition.relation().symbol + " " + Infix.print(condition.right()));
    }

    /** An independent road: each layer's windows counted one layer at a time with integer division. */
    @Test
    void foldedSizesAgreeWithLayerByLayerCountingOnRandomStacks() {
        var random = new Random(11);
        int stacks = 0;
        for (int trial = 0; trial < 150; trial++) {
            int depth = 1 + random.nextInt(5);
            int[][] layers = new int[depth][];
            var src = new StringBuilder("stack S {");
            for (int i = 0; i < depth; i++) {
                int k = 1 + random.nextInt(5), s = 1 + random.nextInt(3), p = random.nextInt(3), dil = 1 + random.nextInt(2);
                if (p > (dil * (k - 1)) / 2) p = 0;
                layers[i] = new int[] {k, s, p, dil};
                src.append(" conv(k=").append(k).append(", s=").append(s).append(", p=").append(p).append(", d=").append(dil).append(")");
            }
            src.append(" }\nderive output_size(S, n=N)\n");
            var d = Fixtures.firstDerivation(src.toString());
            Expr size = d.result();
            assertTrue(!Infix.print(size).contains("floor(floor"), Infix.print(size));
            for (int n = 1; n <= 120; n++) {
                long length = n;
                for (int[] l : layers) {
                    long room = length + 2L * l[2] - (long) l[3] * (l[0] - 1) - 1;
                    length = room < 0 ? -1 : Math.floorDiv(room, l[1]) + 1;
                    if (length <= 0) break;
                }
                if (length <= 0) continue; // outside the side condition: the formula is not claimed there
                assertEquals(Rational.of(length), Exact.eval(size, Map.of("N", Rational.of(n))), src + " at N = " + n + ": " + Infix.print(size));
            }
            stacks++;
        }
        assertEquals(150, stacks);
    }
}
