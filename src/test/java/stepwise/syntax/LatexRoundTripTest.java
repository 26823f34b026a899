package stepwise.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import stepwise.algebra.Numeric;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.print.LatexExpr;

/**
 * Property, by an independent road: whatever Stepwise itself typesets as LaTeX for notes, the LaTeX
 * reader reads back to the same value. Random expressions are printed by the LaTeX printer, read,
 * and both evaluated at random points.
 */
class LatexRoundTripTest {
    private static final List<String> INDICES = List.of("i", "j", "k", "l", "n");
    private static final List<String> NAMES = List.of("mu", "sigma", "x", "k_1", "RF_2");
    private static final LatexSyntax.Declared DECLARED = new LatexSyntax.Declared(Map.of("q", "z"), Set.of(), Map.of(), Set.of("z"));

    @Test
    void whatStepwiseTypesetsReadsBackToTheSameValue() {
        var random = new Random(7);
        int compared = 0;
        for (int i = 0; i < 600; i++) {
            Expr e = randomExpr(random, 4);
            String latex = LatexExpr.of(e);
            var reading = LatexSyntax.read(latex + " = 0", 1, 1, DECLARED);
            assertTrue(reading.unread().isEmpty(), () -> latex + ": " + reading.unread());
            Expr back = reading.chains().get(0).get(0).expr();
            for (int p = 0; p < 3; p++) {
                var env = new java.util.HashMap<String, Double>();
                for (String n : NAMES) env.put(n, 0.5 + 2 * random.nextDouble());
                double want = Numeric.eval(e, env), got = Numeric.eval(back, env);
                if (!Double.isFinite(want) || Math.abs(want) > 1e12) continue;
                assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), () -> latex + "\n" + stepwise.ast.Infix.print(e) + "\n" + stepwise.ast.Infix.print(back));
                compared++;
            }
        }
        assertTrue(compared > 1000, "too few finite values compared: " + compared);
    }

    private static Expr randomExpr(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return r.nextBoolean() ? new Expr.Num(Rational.of(1 + r.nextInt(9))) : new Expr.Sym(NAMES.get(r.nextInt(NAMES.size())));
        }
        return switch (r.nextInt(9)) {
            // Nested sums get different indices: the same index inside and outside is ambiguous as typeset.
            case 8 -> new Expr.BigOp(r.nextBoolean(), INDICES.get(depth), Expr.num(1), Expr.num(1 + r.nextInt(3)),
                    new Expr.Mul(List.of(randomExpr(r, depth - 1), new Expr.Sym(INDICES.get(depth)))));
            case 0 -> new Expr.Add(List.of(randomExpr(r, depth - 1), randomExpr(r, depth - 1)));
            case 1 -> new Expr.Add(List.of(randomExpr(r, depth - 1), new Expr.Neg(randomExpr(r, depth - 1))));
            case 2 -> new Expr.Mul(List.of(randomExpr(r, depth - 1), randomExpr(r, depth - 1)));
            case 3 -> new Expr.Neg(randomExpr(r, depth - 1));
            case 4 -> new Expr.Div(randomExpr(r, depth - 1), randomExpr(r, depth - 1));
            case 5 -> new Expr.Pow(randomExpr(r, depth - 1), new Expr.Num(Rational.of(2 + r.nextInt(2))));
            case 6 -> new Expr.Fn(List.of("log", "exp", "sqrt", "abs").get(r.nextInt(4)), List.of(randomExpr(r, depth - 1)));
            default -> new Expr.Num(Rational.of(1 + r.nextInt(5), 2 + r.nextInt(5)));
        };
    }

}
