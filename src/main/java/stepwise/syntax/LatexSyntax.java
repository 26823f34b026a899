package stepwise.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Span;
import stepwise.ast.Statement.ChainLink;
import stepwise.ast.Statement.Relation;
import stepwise.diag.BadInput;
import stepwise.syntax.gen.LatexLexer;
import stepwise.syntax.gen.LatexParser;
import stepwise.syntax.gen.LatexParser.*;

/**
 * Reads LaTeX display math into chains of relations: rows split by {@code \\}, alignment marks
 * ignored; a row that starts with a relation continues the chain above, a row that starts with an
 * expression begins a new one. Juxtaposition multiplies; {@code e^{x}} is the exponential;
 * {@code q(z)} is a density when q is a declared distribution.
 */
public final class LatexSyntax {
    private final Set<String> distributions;
    private final int firstLine;
    private final int firstColumn;

    private LatexSyntax(Set<String> distributions, int firstLine, int firstColumn) {
        this.distributions = distributions;
        this.firstLine = firstLine;
        this.firstColumn = firstColumn;
    }

    /** The chains of a math body whose first character is at the given line and column of its file. */
    public static List<List<ChainLink>> chains(String body, int firstLine, int firstColumn, Set<String> distributions) {
        var lexer = FirstErrorListener.reportingTo(new LatexLexer(CharStreams.fromString(body)));
        var parser = FirstErrorListener.reportingTo(new LatexParser(new CommonTokenStream(lexer)));
        var reader = new LatexSyntax(distributions, firstLine, firstColumn);
        BodyContext tree;
        try {
            tree = parser.body();
        } catch (BadInput e) {
            // The parser's positions are within the body; the builder's are already in the file.
            var s = e.diagnostic().span();
            throw new BadInput(reader.shift(s.line(), s.column() - 1, s.length()), e.getMessage());
        }
        return reader.body(tree);
    }

    private Span shift(int line, int column0, int length) {
        return new Span(firstLine + line - 1, (line == 1 ? firstColumn : 1) + column0, Math.max(1, length));
    }

    private Span span(ParserRuleContext ctx) {
        var t = ctx.getStart();
        return shift(t.getLine(), t.getCharPositionInLine(), t.getStopIndex() - t.getStartIndex() + 1);
    }

    private List<List<ChainLink>> body(BodyContext ctx) {
        var chains = new ArrayList<List<ChainLink>>();
        List<ChainLink> current = null;
        for (RowContext row : ctx.row()) {
            int e = 0;
            if (row.expr().size() > row.rel().size()) {
                current = new ArrayList<>();
                chains.add(current);
                current.add(new ChainLink(span(row.expr(0)), null, expr(row.expr(0))));
                e = 1;
            }
            for (int r = 0; r < row.rel().size(); r++, e++) {
                if (current == null) throw new BadInput(span(row.rel(r)), "a relation with nothing before it");
                current.add(new ChainLink(span(row.expr(e)), relation(row.rel(r)), expr(row.expr(e))));
            }
        }
        chains.removeIf(c -> c.size() < 2);
        return chains;
    }

    private static Relation relation(RelContext ctx) {
        String t = ctx.getText();
        return switch (t) {
            case "=" -> Relation.EQ;
            case "<" -> Relation.LT;
            case ">" -> Relation.GT;
            default -> t.startsWith("\\le") ? Relation.LE : Relation.GE;
        };
    }

    private Expr expr(ExprContext ctx) {
        var terms = new ArrayList<Expr>();
        for (int i = 0; i < ctx.term().size(); i++) {
            Expr t = term(ctx.term(i));
            boolean minus = i == 0 ? ctx.sign != null && ctx.sign.getText().equals("-") : ctx.addOp(i - 1).getText().equals("-");
            terms.add(minus ? new Expr.Neg(t) : t);
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Add(terms);
    }

    /** Juxtaposition, \cdot and \times multiply; a slash divides what came before it. */
    private Expr term(TermContext ctx) {
        var factors = new ArrayList<Expr>(List.of(factor(ctx.factor(0))));
        int op = 0;
        for (int i = 1; i < ctx.factor().size(); i++) {
            // The operator between factor i-1 and factor i, if one was written.
            String written = null;
            if (op < ctx.mulOp().size() && ctx.mulOp(op).getStart().getTokenIndex() < ctx.factor(i).getStart().getTokenIndex()) {
                written = ctx.mulOp(op++).getText();
            }
            Expr next = factor(ctx.factor(i));
            if ("/".equals(written)) {
                Expr left = factors.size() == 1 ? factors.get(0) : new Expr.Mul(factors);
                factors = new ArrayList<>(List.of(new Expr.Div(left, next)));
            } else {
                factors.add(next);
            }
        }
        return factors.size() == 1 ? factors.get(0) : new Expr.Mul(factors);
    }

    private Expr factor(FactorContext ctx) {
        Expr base = atom(ctx.atom());
        for (int i = 1; i < ctx.getChildCount(); i += 2) {
            String mark = ctx.getChild(i).getText();
            ScriptContext script = (ScriptContext) ctx.getChild(i + 1);
            if (mark.equals("_")) {
                if (!(base instanceof Expr.Sym s)) throw new BadInput(span(script), "a subscript belongs to a name");
                base = new Expr.Sym(s.name() + "_" + scriptName(script));
            } else if (base instanceof Expr.Sym e && e.name().equals("e")) {
                base = Expr.fn("exp", script(script));
            } else {
                base = new Expr.Pow(base, script(script));
            }
        }
        return base;
    }

    private Expr script(ScriptContext ctx) {
        if (ctx.group() != null) return expr(ctx.group().expr());
        if (ctx.NUMBER() != null) return new Expr.Num(Rational.parse(ctx.NUMBER().getText()));
        return new Expr.Sym(command(ctx.getText(), span(ctx)));
    }

    private String scriptName(ScriptContext ctx) {
        if (ctx.group() != null) return stepwise.ast.Infix.print(expr(ctx.group().expr())).replace(" ", "");
        return ctx.LETTER() != null || ctx.NUMBER() != null ? ctx.getText() : command(ctx.getText(), span(ctx));
    }

    private Expr atom(AtomContext ctx) {
        if (ctx instanceof NumberContext n) return new Expr.Num(Rational.parse(n.getText()));
        if (ctx instanceof FractionContext f) return new Expr.Div(expr(f.group(0).expr()), expr(f.group(1).expr()));
        if (ctx instanceof RootContext r) return Expr.fn("sqrt", expr(r.group().expr()));
        if (ctx instanceof ParensContext p) return expr(p.expr());
        if (ctx instanceof AbsoluteContext a) return Expr.fn("abs", expr(a.expr()));
        if (ctx instanceof BracedContext b) return expr(b.group().expr());
        if (ctx instanceof ExpectContext x) return new Expr.Expect(scriptName(x.expectation().script()), expr(x.expr()));
        if (ctx instanceof DivergenceContext d) return new Expr.Divergence(d.LETTER(0).getText(), d.LETTER(1).getText());
        if (ctx instanceof BigContext b) return bigOp(b);
        if (ctx instanceof FunctionContext f) {
            String fn = f.FUNCTION().getText().equals("\\exp") ? "exp" : "log";
            return Expr.fn(fn, f.expr() != null ? expr(f.expr()) : factor(f.factor()));
        }
        if (ctx instanceof CallContext c) {
            Expr name = name(c.name());
            Expr arg = expr(c.expr());
            if (name instanceof Expr.Sym s && distributions.contains(s.name())) return Expr.fn(s.name(), arg);
            return Expr.mul(name, arg);
        }
        return name(((SymbolContext) ctx).name());
    }

    private Expr bigOp(BigContext ctx) {
        String var = ctx.bounds().LETTER().getText();
        Expr lo = expr(ctx.bounds().expr());
        if (ctx.script() == null) throw new BadInput(span(ctx), "a sum or product needs an upper bound: ^{...}");
        return new Expr.BigOp(ctx.bigOp().PROD() != null, var, lo, script(ctx.script()), factor(ctx.factor()));
    }

    private Expr name(NameContext ctx) {
        if (ctx.ROMAN() != null) return new Expr.Sym(String.join("", ctx.LETTER().stream().map(t -> t.getText()).toList()));
        if (ctx.LETTER().size() == 1) return new Expr.Sym(ctx.getText());
        return new Expr.Sym(command(ctx.getText(), span(ctx)));
    }

    /** A Greek letter's name ({@code \sigma} is sigma); any other command is not understood. */
    private static String command(String text, Span span) {
        String name = text.startsWith("\\") ? text.substring(1) : text;
        if (text.startsWith("\\") && !GREEK.contains(name)) throw new BadInput(span, "unknown LaTeX command '" + text + "' in a checked line");
        return name;
    }

    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");
}
