package stepwise.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.ast.StackItem;
import stepwise.ast.Statement;

class DerivSyntaxTest {

    @Test
    void everyStatementOfTheSpecParses() {
        var statements = DerivSyntax.parse("""
                # a comment
                title "AI6126 Assignment 2: worked answers"
                text \"\"\"Prose with $inline$ math.\"\"\"
                stack Q1 {
                  H1 = conv(k=5, s=2, d=1)
                  H2 = conv(k=3, s=1)
                  H3 = conv(k=5, d=2)
                }
                stack Net : 2d { conv(k=(3,5), s=2)  upsample(f=2) }
                stack Deep { repeat l = 1..L { conv(k=k[l], s=s[l], d=d[l]) } }
                stack Res { stem = conv(k=3)  block = parallel { path { conv(k=3, p=1) } path { } } }
                derive receptive_field(Q1)
                derive output_size(Q1, n=64)
                derive receptive_field(Q1) where H1.s = s
                sweep  receptive_field(Q1) over H3.d = 1..4
                solve  receptive_field(Q1) >= 100 for H3.d
                dist q = Normal(mu, sigma^2)
                dist r(x) = Exponential(lambda)
                dist qv = Normal(mu[j], sigma[j]^2) for j = 1..J
                derive KL(q || p)
                let K = [[1,2,3],[2,3,4],[3,4,5]]
                derive conv_transpose(X, K, s=1, p=0)
                check "Q1 H3 by hand" {
                  9 + (5 - 1) * (2 * 1) * 2
                  = 25
                }
                check "KL, first term" given q, p {
                  E[q](log(1/(sigma*sqrt(2*pi))) - log(1/sqrt(2*pi)))
                  = -log(sigma)
                }
                check latex "KL" given q, p \"\"\"
                  KL(q, p) &= E_q[\\log q(z) - \\log p(z)]
                \"\"\"
                sweep receptive_field(Q1) over H3.d = 1..4, H1.s = [1, 2]
                """);
        assertEquals(21, statements.size());
        var two = assertInstanceOf(Statement.Sweep.class, statements.get(20));
        assertEquals("H3.d, H1.s", two.paramsText());
        assertEquals(List.of("H3.d", "H1.s"), two.axes().stream().map(a -> a.param().text()).toList());
        assertEquals("1", Infix.print(two.axes().get(0).values().lo()));
        assertEquals("[1, 2]", two.axes().get(1).values().list().stream().map(Infix::print).toList().toString());
        assertEquals(1, assertInstanceOf(Statement.Sweep.class, statements.get(9)).axes().size());
        var net = assertInstanceOf(Statement.StackDecl.class, statements.get(3));
        assertEquals(2, net.dims());
        var res = assertInstanceOf(Statement.StackDecl.class, statements.get(5));
        var block = assertInstanceOf(StackItem.Parallel.class, res.items().get(1));
        assertEquals(2, block.paths().size());
        var check = assertInstanceOf(Statement.Check.class, statements.get(17));
        assertEquals(2, check.chain().size());
        assertEquals(25, check.chain().get(1).span().line());
        var dist = assertInstanceOf(Statement.DistDecl.class, statements.get(12));
        assertEquals("x", dist.variable());
        assertEquals("KL(q || p)", assertInstanceOf(Statement.Derive.class, statements.get(14)).target().text());
        var latex = assertInstanceOf(Statement.Check.class, statements.get(19));
        assertEquals("KL", latex.name());
        assertEquals(List.of("q", "p"), latex.given());
        assertEquals("KL(q, p) &= E_q[\\log q(z) - \\log p(z)]", latex.latex().strip());
    }

    @Test
    void expressionsKeepTheAuthorsForm() {
        assertEquals("1/2*(-log(sigma^2) - 1 + sigma^2 + mu^2)", Infix.print(DerivSyntax.parseExpr("1/2*(-log(sigma^2) - 1 + sigma^2 + mu^2)")));
        assertEquals("-x^2", Infix.print(DerivSyntax.parseExpr("-x^2")));
        assertInstanceOf(Expr.Neg.class, DerivSyntax.parseExpr("-x^2"));
        assertEquals("2^(-1)", Infix.print(DerivSyntax.parseExpr("2^-1")));
        assertEquals("a/b/c", Infix.print(DerivSyntax.parseExpr("a/b/c")));
        assertEquals("a/(b/c)", Infix.print(DerivSyntax.parseExpr("a/(b/c)")));
        assertEquals("sum(l = 1..L, (k[l] - 1)*prod(j = 1..l - 1, s[j]))",
                Infix.print(DerivSyntax.parseExpr("sum(l = 1..L, (k[l] - 1) * prod(j = 1..l-1, s[j]))")));
        assertEquals("E[q](z^2)", Infix.print(DerivSyntax.parseExpr("E[q](z^2)")));
    }

    @Test
    void namedNumbersIntegralsAndExpectationsWithoutADistribution() {
        var let = (Statement.NumberDecl) DerivSyntax.parse("let K_2 = 3, S_1 = 2, r = 1/2").get(0);
        assertEquals(List.of("K_2 = 3", "S_1 = 2", "r = 1/2"), let.numbers().stream().map(n -> n.name() + " = " + Infix.print(n.value())).toList());
        assertEquals(List.of(5, 14, 23), let.numbers().stream().map(n -> n.span().column()).toList());
        assertInstanceOf(Statement.LetDecl.class, DerivSyntax.parse("let K = [[1, 2], [3, 4]]").get(0));
        Expr integral = DerivSyntax.parseExpr("integral(z = -infinity..infinity, z^2*q(z))");
        assertEquals(new Expr.Integral("z", new Expr.Neg(new Expr.Sym("infinity")), new Expr.Sym("infinity"),
                Expr.mul(new Expr.Pow(Expr.sym("z"), Expr.num(2)), Expr.fn("q", Expr.sym("z")))), integral);
        assertEquals(new Expr.Expect("", Expr.sym("z")), DerivSyntax.parseExpr("E(z)"));
    }

    /** Property: printing any expression and reading it back gives the same tree. */
    @Test
    void printingAndParsingRoundTrip() {
        var random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            Expr e = randomExpr(random, 4);
            String text = Infix.print(e);
            assertEquals(e, DerivSyntax.parseExpr(text), text);
        }
    }

    private static Expr randomExpr(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return switch (r.nextInt(4)) {
                case 0 -> new Expr.Num(Rational.of(r.nextInt(20)));
                case 1 -> new Expr.Sym(List.of("mu", "sigma", "k_1", "x").get(r.nextInt(4)));
                case 2 -> new Expr.Indexed("s", new Expr.Sym("j"));
                default -> new Expr.Num(Rational.of(1 + r.nextInt(9)));
            };
        }
        return switch (r.nextInt(9)) {
            case 0 -> new Expr.Add(children(r, depth, 2 + r.nextInt(2), true));
            case 1 -> new Expr.Mul(children(r, depth, 2 + r.nextInt(2), false));
            case 2 -> new Expr.Neg(nonNeg(r, depth));
            case 3 -> new Expr.Div(randomExpr(r, depth - 1), randomExpr(r, depth - 1));
            case 4 -> new Expr.Pow(randomExpr(r, depth - 1), randomExpr(r, depth - 1));
            case 5 -> new Expr.Fn(List.of("log", "exp", "sqrt").get(r.nextInt(3)), List.of(randomExpr(r, depth - 1)));
            case 6 -> new Expr.Integral("z", new Expr.Neg(new Expr.Sym("infinity")), new Expr.Sym("infinity"), randomExpr(r, depth - 1));
            case 7 -> new Expr.Expect("", randomExpr(r, depth - 1));
            default -> new Expr.Expect("q", randomExpr(r, depth - 1));
        };
    }

    /** A sum never starts inside another sum and a product never directly holds a product: the parser flattens those. */
    private static List<Expr> children(Random r, int depth, int n, boolean sum) {
        var out = new ArrayList<Expr>();
        while (out.size() < n) {
            Expr c = randomExpr(r, depth - 1);
            if (sum && c instanceof Expr.Add || !sum && (c instanceof Expr.Mul || c instanceof Expr.Div && !out.isEmpty())) continue;
            if (!sum && c instanceof Expr.Div && out.isEmpty()) continue;
            out.add(c);
        }
        return out;
    }

    /** The parser reads -a*b as (-a)*b, so a negated product or quotient is not one of its trees. */
    private static Expr nonNeg(Random r, int depth) {
        Expr e;
        do e = randomExpr(r, depth - 1); while (e instanceof Expr.Neg || e instanceof Expr.Mul || e instanceof Expr.Div);
        return e;
    }
}
