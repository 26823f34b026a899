package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.result.Result;

/**
 * Property: padding 'same' follows TensorFlow's documented arithmetic (and PyTorch's at stride 1):
 * ceil(n / s) outputs, the input padded by max((ceil(n/s) - 1) s + d (k - 1) + 1 - n, 0) in all, the
 * smaller half on the left, which is the effective padding of a single layer.
 */
class TfSamePropertyTest {

    @Test
    void lengthsAndLeftPaddingsFollowTensorFlow() {
        var random = new Random(224);
        int strided = 0;
        for (int trial = 0; trial < 300; trial++) {
            String kind = random.nextInt(3) == 0 ? "maxpool" : "conv";
            int k = 1 + random.nextInt(7), s = 1 + random.nextInt(3), d = 1 + random.nextInt(2), n = 1 + random.nextInt(40);
            String src = "stack S { " + kind + "(k=" + k + ", s=" + s + ", d=" + d + ", p=same) }\n"
                    + "derive output_size(S, n=" + n + ")\nderive receptive_field(S, n=" + n + ")\n";
            var derivations = Fixtures.results(Fixtures.derive(src), Result.Derivation.class);
            long out = (n + s - 1) / s, total = Math.max((out - 1) * s + (long) d * (k - 1) + 1 - n, 0);
            assertEquals(String.valueOf(out), Infix.print(derivations.get(0).result()), src);
            assertEquals(String.valueOf(total / 2), Infix.print(derivations.get(1).layers().get(0).padding().get(0)), src);
            for (var dv : derivations) assertTrue(dv.steps().stream().allMatch(st -> st.verification().ok()), src);
            if (s > 1) strided++;
        }
        assertTrue(strided > 150);
    }
}
