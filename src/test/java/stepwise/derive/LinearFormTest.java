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
 * An expression linear in its symbols is expanded without Symja, and must read exactly as Symja's
 * answer reads back: checked against Symja itself on expressions shaped like the values of a stack
 * with symbolic parameters (sums and products of layer numbers, the symbols, a division by a number),
 * with one to four symbols, and on ones whose symbols cancel.
 */
class LinearFormTest {
    private static final List<String> NAMES = List.of("s", "L", "n", "d_H3", "k", "N");

    private static Expr number(Random r) {
        int n = r.nextInt(12) - 3;
        return Exprs.num(Rational.of(n));
    }

    /** A random expression of depth at most {@code depth}, linear in the symbols (a product has at most one factor with symbols). */
    private static Expr linear(Random r, List<Expr> symbols, int depth) {
        int pick = depth == 0 ? r.nextInt(2) : r.nextInt(6);
        return switch (pick) {
            case 0 -> number(r);
            case 1 -> symbols.get(r.nextInt(symbols.size()));
            case 2 -> new Expr.Add(List.of(linear(r, symbols, depth - 1), linear(r, symbols, depth - 1)));
            case 3 -> Expr.sub(linear(r, symbols, depth - 1), r.nextBoolean() ? number(r) : linear(r, symbols, depth - 1));
            case 4 -> new Expr.Mul(List.of(number(r), linear(r, symbols, depth - 1), new Expr.Num(Rational.of(r.nextInt(3) + 1))));
            default -> new Expr.Div(linear(r, symbols, depth - 1), new Expr.Num(Rational.of(r.nextInt(4) + 1)));
        };
    }

    @Test
    void readsAsSymjasExpansion() {
        var r = new Random(20261126L);
        int compared = 0;
        var differences = new ArrayList<String>();
        int severalSymbols = 0, cancelled = 0;
        for (int i = 0; i < 1500; i++) {
            var names = new ArrayList<>(NAMES);
            java.util.Collections.shuffle(names, r);
            List<Expr> symbols = names.subList(0, 1 + r.nextInt(4)).stream().<Expr>map(Expr.Sym::new).toList();
            Expr e = linear(r, symbols, 4);
            if (Exprs.isClosed(e)) continue; // no symbol drawn: a number, evaluated exactly elsewhere
            var fast = Algebra.linear(e);
            assertTrue(fast.isPresent(), "linear: " + Infix.print(e));
            compared++;
            if (Exprs.freeSymbols(fast.get()).size() > 1) severalSymbols++;
            if (Exprs.isClosed(fast.get())) cancelled++;
            var symja = Cas.get().expandOverIntegers(e);
            var symjaPlain = Cas.get().expand(e);
            if (!fast.equals(symja) || !fast.equals(symjaPlain)) {
                differences.add(Infix.print(e) + ": here " + fast.map(Infix::print) + ", Symja " + symja.map(Infix::print) + " / " + symjaPlain.map(Infix::print));
            }
        }
        assertTrue(compared >= 800 && severalSymbols >= 100 && cancelled >= 20,
                "compared " + compared + ", with several symbols " + severalSymbols + ", cancelled " + cancelled);
        assertEquals(List.of(), differences);
    }

    @Test
    void leavesEverythingElseToSymja() {
        for (String text : List.of("s * t", "floor(s / 2)", "s^2", "1 / s", "pi * s", "a1+a2+a3+a4+a5+a6+a7+a8+a9+a10")) {
            assertEquals(java.util.Optional.empty(), Algebra.linear(stepwise.syntax.DerivSyntax.parseExpr(text)), text);
        }
    }
}
