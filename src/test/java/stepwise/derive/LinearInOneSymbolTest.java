package stepwise.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.cas.Cas;

/**
 * An expression linear in one symbol is expanded without Symja, and must read exactly as Symja's
 * answer reads back: checked against Symja itself on expressions shaped like the values of a stack
 * with one symbolic parameter (sums and products of layer numbers, the symbol, a division by a number).
 */
class LinearInOneSymbolTest {
    private static final List<String> NAMES = List.of("s", "L", "n", "d_H3", "k", "N");

    private static Expr number(Random r) {
        int n = r.nextInt(12) - 3;
        return Exprs.num(Rational.of(n));
    }

    /** A random expression of depth at most {@code depth}, linear in {@code x} (a product has at most one factor with x). */
    private static Expr linear(Random r, Expr x, int depth) {
        int pick = depth == 0 ? r.nextInt(2) : r.nextInt(6);
        return switch (pick) {
            case 0 -> number(r);
            case 1 -> x;
            case 2 -> new Expr.Add(List.of(linear(r, x, depth - 1), linear(r, x, depth - 1)));
            case 3 -> Expr.sub(linear(r, x, depth - 1), number(r));
            case 4 -> new Expr.Mul(List.of(number(r), linear(r, x, depth - 1), new Expr.Num(Rational.of(r.nextInt(3) + 1))));
            default -> new Expr.Div(linear(r, x, depth - 1), new Expr.Num(Rational.of(r.nextInt(4) + 1)));
        };
    }

    @Test
    void readsAsSymjasExpansion() {
        var r = new Random(20261126L);
        int compared = 0;
        var differences = new ArrayList<String>();
        for (int i = 0; i < 400; i++) {
            Expr x = new Expr.Sym(NAMES.get(r.nextInt(NAMES.size())));
            Expr e = linear(r, x, 4);
            var fast = Algebra.linearInOneSymbol(e);
            if (fast.isEmpty()) continue; // the symbol cancelled, or none was drawn: not this road
            compared++;
            var symja = Cas.get().expandOverIntegers(e);
            var symjaPlain = Cas.get().expand(e);
            if (!fast.equals(symja) || !fast.equals(symjaPlain)) {
                differences.add(Infix.print(e) + ": here " + fast.map(Infix::print) + ", Symja " + symja.map(Infix::print) + " / " + symjaPlain.map(Infix::print));
            }
        }
        assertTrue(compared >= 200, "enough expressions linear in their symbol: " + compared);
        assertEquals(List.of(), differences);
    }

    @Test
    void leavesEverythingElseToSymja() {
        for (String text : List.of("s * t", "s + t", "floor(s / 2)", "s^2", "1 / s", "2 + 3", "pi * s")) {
            assertEquals(java.util.Optional.empty(), Algebra.linearInOneSymbol(stepwise.syntax.DerivSyntax.parseExpr(text)), text);
        }
    }
}
