package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.diag.BadInput;
import stepwise.result.Result;

/**
 * Property: for hundreds of random shapes and parameters, conv and conv_transpose equal the
 * definitions written again here, index by index (not the production code, not MatrixConv).
 */
class ConvPropertyTest {

    /** PyTorch ConvTranspose2d, one channel: out[o] gathers x[i] K[a] wherever i s + a d = o + p. */
    static long[][] transposeByDefinition(long[][] x, long[][] k, int[] s, int[] p, int[] d, int[] op) {
        int oh = (x.length - 1) * s[0] - 2 * p[0] + d[0] * (k.length - 1) + op[0] + 1;
        int ow = (x[0].length - 1) * s[1] - 2 * p[1] + d[1] * (k[0].length - 1) + op[1] + 1;
        var out = new long[oh][ow];
        for (int r = 0; r < oh; r++)
            for (int c = 0; c < ow; c++)
                for (int i = 0; i < x.length; i++)
                    for (int j = 0; j < x[0].length; j++)
                        for (int a = 0; a < k.length; a++)
                            for (int b = 0; b < k[0].length; b++)
                                if (i * s[0] + a * d[0] == r + p[0] && j * s[1] + b * d[1] == c + p[1]) out[r][c] += x[i][j] * k[a][b];
        return out;
    }

    /** PyTorch Conv2d, one channel: y[o] = sum over the window starting at o s - p, taps d apart, zeros outside. */
    static long[][] convByDefinition(long[][] x, long[][] k, int[] s, int[] p, int[] d) {
        int oh = (x.length + 2 * p[0] - d[0] * (k.length - 1) - 1) / s[0] + 1;
        int ow = (x[0].length + 2 * p[1] - d[1] * (k[0].length - 1) - 1) / s[1] + 1;
        var out = new long[oh][ow];
        for (int r = 0; r < oh; r++)
            for (int c = 0; c < ow; c++)
                for (int a = 0; a < k.length; a++)
                    for (int b = 0; b < k[0].length; b++) {
                        int i = r * s[0] - p[0] + a * d[0], j = c * s[1] - p[1] + b * d[1];
                        if (i >= 0 && j >= 0 && i < x.length && j < x[0].length) out[r][c] += x[i][j] * k[a][b];
                    }
        return out;
    }

    static long[][] random(Random r, int h, int w) {
        var m = new long[h][w];
        for (var row : m) for (int j = 0; j < w; j++) row[j] = r.nextInt(11) - 5;
        return m;
    }

    static String literal(long[][] m) {
        var sb = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < m[0].length; j++) sb.append(j == 0 ? "" : ", ").append(m[i][j]);
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static String matrix(Result.Derivation d) {
        return Infix.print(d.result()).replace("-", "-");
    }

    /** The .deriv text that declares X and K and derives f(X, K, s=.., p=.., d=..) with any further arguments. */
    private static String source(String f, long[][] x, long[][] k, int[] s, int[] p, int[] d, String more) {
        return "let X = " + literal(x) + "\nlet K = " + literal(k) + "\nderive " + f + "(X, K, s=" + axes(s) + ", p=" + axes(p) + ", d=" + axes(d) + more + ")\n";
    }

    private static String axes(int[] v) { return "(" + v[0] + ", " + v[1] + ")"; }

    private static int[] pair(Random r, int lo, int width) { return new int[] {lo + r.nextInt(width), lo + r.nextInt(width)}; }

    @Test
    void transposedConvolutionMatchesTheDefinition() {
        var random = new Random(44);
        int checked = 0;
        for (int trial = 0; trial < 250; trial++) {
            long[][] x = random(random, 1 + random.nextInt(4), 1 + random.nextInt(4)), k = random(random, 1 + random.nextInt(3), 1 + random.nextInt(3));
            int[] s = pair(random, 1, 3), p = pair(random, 0, 3), d = pair(random, 1, 2);
            int[] op = {random.nextInt(Math.max(s[0], d[0])), random.nextInt(Math.max(s[1], d[1]))};
            String src = source("conv_transpose", x, k, s, p, d, ", op=" + axes(op));
            int oh = (x.length - 1) * s[0] - 2 * p[0] + d[0] * (k.length - 1) + op[0] + 1;
            int ow = (x[0].length - 1) * s[1] - 2 * p[1] + d[1] * (k[0].length - 1) + op[1] + 1;
            if (oh <= 0 || ow <= 0) {
                assertThrowsBadInput(src);
                continue;
            }
            Result.Derivation derived = Fixtures.firstDerivation(src);
            assertEquals(literal(transposeByDefinition(x, k, s, p, d, op)), matrix(derived), src);
            assertTrue(derived.steps().stream().allMatch(st -> st.verification().ok()), src);
            assertEquals(oh, ((Expr.Matrix) derived.result()).height(), src);
            checked++;
        }
        assertTrue(checked > 150, "too few valid shapes: " + checked);
    }

    @Test
    void convolutionMatchesTheDefinition() {
        var random = new Random(45);
        int checked = 0;
        for (int trial = 0; trial < 250; trial++) {
            long[][] x = random(random, 1 + random.nextInt(6), 1 + random.nextInt(6)), k = random(random, 1 + random.nextInt(3), 1 + random.nextInt(3));
            int[] s = pair(random, 1, 3), p = pair(random, 0, 2), d = pair(random, 1, 2);
            String src = source("conv", x, k, s, p, d, "");
            boolean fits = d[0] * (k.length - 1) + 1 <= x.length + 2 * p[0] && d[1] * (k[0].length - 1) + 1 <= x[0].length + 2 * p[1];
            if (!fits) {
                assertThrowsBadInput(src);
                continue;
            }
            Result.Derivation derived = Fixtures.firstDerivation(src);
            assertEquals(literal(convByDefinition(x, k, s, p, d)), matrix(derived), src);
            assertTrue(derived.steps().stream().allMatch(st -> st.verification().ok()), src);
            checked++;
        }
        assertTrue(checked > 150, "too few valid shapes: " + checked);
    }

    private static void assertThrowsBadInput(String src) {
        try {
            Fixtures.derive(src);
        } catch (BadInput expected) {
            return;
        }
        throw new AssertionError("expected a bad-shape error for\n" + src);
    }
}
