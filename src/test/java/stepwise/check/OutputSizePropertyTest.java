package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.diag.BadInput;
import stepwise.result.Result;

/** Property: output lengths equal PyTorch's documented formulas, written again here, on random stacks. */
class OutputSizePropertyTest {

    static long pytorch(String kind, long n, int k, int s, int d, int p, int op) {
        return switch (kind) {
            case "conv", "maxpool" -> Math.floorDiv(n + 2L * p - (long) d * (k - 1) - 1, s) + 1;
            case "avgpool" -> Math.floorDiv(n + 2L * p - k, s) + 1;
            case "tconv" -> (n - 1) * s - 2L * p + (long) d * (k - 1) + op + 1;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Test
    void lengthsEqualPyTorchsFormulas() {
        var random = new Random(2126);
        var kinds = new String[] {"conv", "maxpool", "avgpool", "tconv"};
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            long n = 8 + random.nextInt(60);
            var src = new StringBuilder("stack S {\n");
            var expected = new StringBuilder();
            long len = n;
            int depth = 1 + random.nextInt(4);
            for (int i = 0; i < depth; i++) {
                String kind = kinds[random.nextInt(kinds.length)];
                int k = 1 + random.nextInt(5), s = 1 + random.nextInt(3), d = kind.equals("avgpool") ? 1 : 1 + random.nextInt(2);
                int p = random.nextInt(3);
                // PyTorch refuses pooling padding over half the effective window.
                if (kind.endsWith("pool")) p = Math.min(p, (d * (k - 1) + 1) / 2);
                int op = kind.equals("tconv") ? random.nextInt(Math.max(s, d)) : 0;
                src.append("  ").append(kind).append("(k=").append(k).append(", s=").append(s).append(", p=").append(p);
                if (!kind.equals("avgpool")) src.append(", d=").append(d);
                if (kind.equals("tconv")) src.append(", op=").append(op);
                src.append(")\n");
                len = pytorch(kind, len, k, s, d, p, op);
                expected.append(len).append(' ');
            }
            src.append("}\nderive output_size(S, n=").append(n).append(")\n");
            Result.Derivation d;
            try {
                d = Fixtures.firstDerivation(src.toString());
            } catch (BadInput noOutput) {
                assertTrue(expected.toString().contains("-") || expected.toString().matches(".*\\b0 .*"), src + " " + noOutput.getMessage());
                continue;
            }
            var actual = new StringBuilder();
            d.layers().forEach(r -> actual.append(Infix.print(r.size().get(0))).append(' '));
            assertEquals(expected.toString(), actual.toString(), src::toString);
            assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()), src::toString);
            checked++;
        }
        assertTrue(checked > 150, "too few stacks had an output: " + checked);
    }
}
