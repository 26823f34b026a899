package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.diag.BadInput;
import stepwise.result.Result;

/**
 * Property: pooling output lengths, with and without ceil_mode, and the inputs PyTorch refuses,
 * agree with PyTorch's own arithmetic (aten/src/ATen/native/Pool.h, pooling_output_shape), written
 * out here: the rounded count, one less when ceil_mode's last window would start at or past
 * n + p; padding over half the effective window refused; an output of length 0 or less refused.
 */
class PoolingFidelityPropertyTest {

    /** PyTorch's pooling_output_shape, or null where it raises. */
    static Long pytorch(long n, long k, long s, long p, long d, boolean ceil) {
        long effective = d * (k - 1) + 1;
        if (p > effective / 2) return null;
        long numerator = n + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0);
        long out = Math.floorDiv(numerator, s) + 1;
        if (ceil && (out - 1) * s >= n + p) out--;
        return out;
    }

    @Test
    void lengthsAndRefusalsMatchPytorch() {
        var random = new Random(1126);
        int derived = 0, ceilDiffers = 0, paddingRefused = 0, emptyRefused = 0;
        for (int trial = 0; trial < 600; trial++) {
            boolean max = random.nextBoolean(), ceil = random.nextBoolean();
            long k = 1 + random.nextInt(6), s = 1 + random.nextInt(4), p = random.nextInt(4), d = max ? 1 + random.nextInt(2) : 1;
            long n = 1 + random.nextInt(20);
            String layer = (max ? "maxpool(k=" + k + ", s=" + s + ", d=" + d : "avgpool(k=" + k + ", s=" + s) + ", p=" + p
                    + (ceil ? ", ceil_mode=true" : "") + ")";
            String src = "stack S { " + layer + " }\nderive output_size(S, n=" + n + ")\n";
            Long expected = pytorch(n, k, s, p, d, ceil);
            try {
                Result.Derivation dv = Fixtures.firstDerivation(src);
                assertTrue(expected != null && expected > 0, src + " should be refused");
                assertEquals(String.valueOf(expected), Infix.print(dv.result()), src);
                assertTrue(dv.steps().stream().allMatch(st -> st.verification().ok()), src);
                derived++;
                if (ceil && !expected.equals(pytorch(n, k, s, p, d, false))) ceilDiffers++;
            } catch (BadInput e) {
                if (expected == null) {
                    assertTrue(e.getMessage().contains("pad should be at most half of effective kernel size"), src + e.getMessage());
                    paddingRefused++;
                } else {
                    assertTrue(expected <= 0 && e.getMessage().contains("leaves no output"), src + e.getMessage());
                    emptyRefused++;
                }
            }
        }
        System.out.printf("pooling fidelity: %d derived (%d where ceil_mode changes the length), %d refused for padding, %d for no output%n",
                derived, ceilDiffers, paddingRefused, emptyRefused);
        assertTrue(derived > 200 && ceilDiffers > 30 && paddingRefused > 50 && emptyRefused > 10);
    }
}
