package stepwise.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Span;
import stepwise.ast.StackItem;
import stepwise.ast.Statement;
import stepwise.ast.Statement.Arg;
import stepwise.ast.Statement.Relation;
import stepwise.diag.BadInput;
import stepwise.syntax.gen.DerivParser;
import stepwise.syntax.gen.DerivParser.*;

/** Turns ANTLR's parse tree into our AST records. The only class that walks generated code. */
final class AstBuilder {

    List<Statement> file(FileContext ctx) {
        return ctx.statement().stream().map(this::statement).toList();
    }

    private Statement statement(StatementContext ctx) {
        if (ctx.titleStmt() != null) return new Statement.Title(span(ctx), string(ctx.titleStmt().text));
        if (ctx.textStmt() != null) return new Statement.Prose(span(ctx), string(ctx.textStmt().text));
        if (ctx.stackStmt() != null) return stack(ctx.stackStmt());
        if (ctx.distStmt() != null) return dist(ctx.distStmt());
        if (ctx.letStmt() != null) return let(ctx.letStmt());
        if (ctx.deriveStmt() != null) return derive(ctx.deriveStmt());
        if (ctx.sweepStmt() != null) return sweep(ctx.sweepStmt());
        if (ctx.solveStmt() != null) return solve(ctx.solveStmt());
        return check(ctx.checkStmt());
    }

    // ---- stacks -----------------------------------------------------------------------------

    private Statement stack(StackStmtContext ctx) {
        int dims = 1;
        if (ctx.dims != null) {
            String text = ctx.dims.getText();
            if (!text.equals("1d") && !text.equals("2d")) {
                throw new BadInput(span(ctx.dims), "a stack is 1d or 2d, got '" + text + "'");
            }
            dims = text.charAt(0) - '0';
        }
        if (ctx.FROM() != null) return PytorchText.stack(ctx, ctx.dims == null ? 0 : dims);
        return new Statement.StackDecl(span(ctx), ctx.name.getText(), dims, items(ctx.stackItem()));
    }

    private List<StackItem> items(List<StackItemContext> ctxs) {
        return ctxs.stream().map(this::item).toList();
    }

    private StackItem item(StackItemContext ctx) {
        if (ctx.repeatBlock() != null) {
            var r = ctx.repeatBlock();
            return new StackItem.Repeat(span(r), r.var.getText(), expr(r.range().lo), expr(r.range().hi), items(r.stackItem()));
        }
        String name = ctx.name == null ? null : ctx.name.getText();
        var body = ctx.layerBody();
        if (body.parallelBlock() != null) {
            var paths = body.parallelBlock().pathBlock().stream().map(p -> items(p.stackItem())).toList();
            return new StackItem.Parallel(span(ctx), name, paths);
        }
        var call = body.layerCall();
        var params = call.arg().stream().map(this::arg).toList();
        return new StackItem.LayerCall(span(ctx), name, span(call.kind), call.kind.getText(), params);
    }

    // ---- distributions, matrices ------------------------------------------------------------

    private Statement dist(DistStmtContext ctx) {
        var params = ctx.expr().stream().map(this::expr).toList();
        Statement.IndexRange index = ctx.index == null ? null
                : new Statement.IndexRange(ctx.index.getText(), expr(ctx.range().lo), expr(ctx.range().hi));
        String variable = ctx.var == null ? "z" : ctx.var.getText();
        return new Statement.DistDecl(span(ctx), ctx.name.getText(), variable, ctx.family.getText(), params, index);
    }

    private Statement let(LetStmtContext ctx) {
        if (ctx.matrix() == null) {
            var numbers = new ArrayList<Statement.NamedNumber>();
            numbers.add(new Statement.NamedNumber(span(ctx.name), ctx.name.getText(), expr(ctx.value)));
            for (var n : ctx.namedNumber()) numbers.add(new Statement.NamedNumber(span(n.name), n.name.getText(), expr(n.expr())));
            return new Statement.NumberDecl(span(ctx), numbers);
        }
        var rows = ctx.matrix().row().stream().map(r -> r.expr().stream().map(this::expr).toList()).toList();
        var spans = ctx.matrix().row().stream().map(AstBuilder::span).toList();
        return new Statement.LetDecl(span(ctx), ctx.name.getText(), rows, spans);
    }

    // ---- derivations ------------------------------------------------------------------------

    private Statement derive(DeriveStmtContext ctx) {
        return new Statement.Derive(span(ctx), target(ctx.target), where(ctx.whereClause()));
    }

    private Statement sweep(SweepStmtContext ctx) {
        var axes = ctx.sweepAxis().stream().map(this::sweepAxis).toList();
        return new Statement.Sweep(span(ctx), target(ctx.target), axes, where(ctx.whereClause()));
    }

    private Statement.SweepAxis sweepAxis(SweepAxisContext ctx) {
        var v = ctx.values();
        Statement.SweepValues values = v.range() != null
                ? new Statement.SweepValues(expr(v.range().lo), expr(v.range().hi), null)
                : new Statement.SweepValues(null, null, v.expr().stream().map(this::expr).toList());
        return new Statement.SweepAxis(paramRef(ctx.param), values, span(v));
    }

    private Statement solve(SolveStmtContext ctx) {
        return new Statement.Solve(span(ctx), target(ctx.target), Relation.of(ctx.rel().getText()), expr(ctx.expr()),
                paramRef(ctx.param), where(ctx.whereClause()));
    }

    private List<Statement.Assignment> where(WhereClauseContext ctx) {
        if (ctx == null) return List.of();
        return ctx.assignment().stream()
                .map(a -> new Statement.Assignment(span(a), paramRef(a.qualified()), expr(a.expr()))).toList();
    }

    private Statement.ParamRef paramRef(QualifiedContext ctx) {
        var ids = ctx.ID();
        if (ids.size() == 1) return new Statement.ParamRef(span(ctx), null, ids.get(0).getText());
        return new Statement.ParamRef(span(ctx), ids.get(0).getText(), ids.get(1).getText());
    }

    private Statement.Target target(CallContext ctx) {
        var args = ctx.arg().stream().map(this::arg).toList();
        return new Statement.Target(span(ctx), ctx.fn.getText(), args, text(ctx));
    }

    private Arg arg(ArgContext ctx) {
        String name = ctx.name == null ? null : ctx.name.getText();
        var value = ctx.argValue();
        if (value instanceof PairValueContext pair) {
            return new Arg(span(ctx), name, List.of(expr(pair.expr(0)), expr(pair.expr(1))), List.of(span(pair.expr(0)), span(pair.expr(1))));
        }
        if (value instanceof DivergencePairContext d) {
            return new Arg(span(ctx), "||", List.of(new Expr.Sym(d.left.getText()), new Expr.Sym(d.right.getText())),
                    List.of(span(d.left), span(d.right)));
        }
        var single = ((SingleValueContext) value).expr();
        return new Arg(span(ctx), name, List.of(expr(single)), List.of(span(single)));
    }

    // ---- checks -----------------------------------------------------------------------------

    private Statement check(CheckStmtContext ctx) {
        if (ctx instanceof LatexCheckContext latex) {
            // The body is kept as written, so that a checked line reports its own line of the file.
            String raw = latex.body.getText();
            String body = latex.body.LONG_STRING() != null ? raw.substring(3, raw.length() - 3) : unquote(raw);
            Span at = span(latex.body);
            return new Statement.Check(span(ctx), name(latex.name), given(latex.givenClause()), null, body,
                    new Span(at.line(), at.column() + (latex.body.LONG_STRING() != null ? 3 : 1), 1));
        }
        var plain = (ChainCheckContext) ctx;
        var chain = new ArrayList<Statement.ChainLink>();
        var exprs = plain.chain().expr();
        var rels = plain.chain().rel();
        chain.add(new Statement.ChainLink(span(exprs.get(0)), null, expr(exprs.get(0))));
        for (int i = 0; i < rels.size(); i++) {
            var rhs = exprs.get(i + 1);
            chain.add(new Statement.ChainLink(span(rhs), Relation.of(rels.get(i).getText()), expr(rhs)));
        }
        return new Statement.Check(span(ctx), name(plain.name), given(plain.givenClause()), chain, null, null);
    }

    private static String name(Token quoted) { return quoted == null ? null : unquote(quoted.getText()); }

    private static List<String> given(GivenClauseContext ctx) {
        return ctx == null ? List.of() : ctx.ID().stream().map(t -> t.getText()).toList();
    }

    // ---- expressions ------------------------------------------------------------------------

    Expr expr(ExprContext ctx) {
        if (ctx instanceof PrimaryExprContext p) return primary(p.primary());
        if (ctx instanceof PowerExprContext p) return new Expr.Pow(expr(p.expr(0)), expr(p.expr(1)));
        if (ctx instanceof SignExprContext s) {
            Expr inner = expr(s.expr());
            return s.sign.getText().equals("-") ? new Expr.Neg(inner) : inner;
        }
        if (ctx instanceof AddExprContext a) return sum(a);
        return product((MulExprContext) ctx);
    }

    /** A left-nested chain a op b op c as its first operand and the (op, operand) pairs after it, in order. */
    private record Chain(ExprContext first, List<String> ops, List<ExprContext> operands) {}

    private static Chain chain(ExprContext ctx, Class<? extends ExprContext> kind) {
        var operands = new ArrayList<ExprContext>();
        var ops = new ArrayList<String>();
        ExprContext node = ctx;
        while (kind.isInstance(node)) {
            var children = node.getRuleContexts(ExprContext.class);
            operands.add(0, children.get(1));
            ops.add(0, node.getChild(1).getText());
            node = children.get(0);
        }
        return new Chain(node, ops, operands);
    }

    /** a + b - c as one sum of three terms, the subtracted one negated, as the author wrote it. */
    private Expr sum(AddExprContext ctx) {
        Chain c = chain(ctx, AddExprContext.class);
        var terms = new ArrayList<Expr>(List.of(expr(c.first())));
        for (int i = 0; i < c.operands().size(); i++) {
            Expr term = expr(c.operands().get(i));
            terms.add(c.ops().get(i).equals("-") ? new Expr.Neg(term) : term);
        }
        return new Expr.Add(terms);
    }

    /** a*b/c reads as (a*b)/c: products gather until a division closes them. */
    private Expr product(MulExprContext ctx) {
        Chain c = chain(ctx, MulExprContext.class);
        var factors = new ArrayList<Expr>(List.of(expr(c.first())));
        for (int i = 0; i < c.operands().size(); i++) {
            Expr next = expr(c.operands().get(i));
            if (c.ops().get(i).equals("*")) {
                factors.add(next);
            } else {
                Expr left = factors.size() == 1 ? factors.get(0) : new Expr.Mul(factors);
                factors = new ArrayList<>(List.of(new Expr.Div(left, next)));
            }
        }
        return factors.size() == 1 ? factors.get(0) : new Expr.Mul(factors);
    }

    private Expr primary(PrimaryContext ctx) {
        if (ctx instanceof NumberContext n) {
            try {
                return new Expr.Num(Rational.parse(n.getText()));
            } catch (NumberFormatException tooLarge) {
                throw new BadInput(span(n), tooLarge.getMessage());
            }
        }
        if (ctx instanceof SymbolContext s) return new Expr.Sym(s.getText());
        if (ctx instanceof ParensContext p) return expr(p.expr());
        if (ctx instanceof IndexedContext ix) return new Expr.Indexed(ix.name.getText(), expr(ix.expr()));
        if (ctx instanceof ExpectationContext e) return expectation(e);
        if (ctx instanceof BigOperatorContext b) return bigOperator(b);
        return call(((CallPrimaryContext) ctx).call());
    }

    private Expr expectation(ExpectationContext ctx) {
        if (!ctx.fn.getText().equals("E")) {
            throw new BadInput(span(ctx.fn), "'" + ctx.fn.getText() + "[...](...)' is not an expectation: write E[q](...)");
        }
        return new Expr.Expect(ctx.dist.getText(), expr(ctx.expr()));
    }

    private Expr bigOperator(BigOperatorContext ctx) {
        String fn = ctx.fn.getText();
        if (fn.equals("integral")) return new Expr.Integral(ctx.var.getText(), expr(ctx.range().lo), expr(ctx.range().hi), expr(ctx.expr()));
        if (!fn.equals("sum") && !fn.equals("prod")) {
            throw new BadInput(span(ctx.fn), "'" + fn + "(" + ctx.var.getText() + " = ..)' is not sum(...), prod(...) or integral(...)");
        }
        return new Expr.BigOp(fn.equals("prod"), ctx.var.getText(), expr(ctx.range().lo), expr(ctx.range().hi), expr(ctx.expr()));
    }

    private Expr call(CallContext ctx) {
        String fn = ctx.fn.getText();
        var args = new ArrayList<Expr>();
        for (var a : ctx.arg()) {
            if (a.argValue() instanceof DivergencePairContext d) {
                if (!fn.equals("KL") || ctx.arg().size() != 1) throw new BadInput(span(a), "'||' is only written inside KL(q || p)");
                return new Expr.Divergence(d.left.getText(), d.right.getText());
            }
            if (a.name != null || a.argValue() instanceof PairValueContext) {
                throw new BadInput(span(a), "'" + fn + "' takes plain arguments here, not '" + shortText(a) + "'");
            }
            args.add(expr(((SingleValueContext) a.argValue()).expr()));
        }
        // E(body): an expectation that names no distribution; the checker finds the one it means.
        if (fn.equals("E") && args.size() == 1) return new Expr.Expect("", args.get(0));
        return new Expr.Fn(fn, args);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String string(StringContext ctx) {
        String raw = ctx.getText();
        if (ctx.LONG_STRING() != null) return TextBlocks.dedent(raw.substring(3, raw.length() - 3));
        return unquote(raw);
    }

    private static String unquote(String quoted) {
        var body = quoted.substring(1, quoted.length() - 1);
        var sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null ? start : ctx.getStop();
        int length = Math.max(1, stop.getStopIndex() - start.getStartIndex() + 1);
        return new Span(start.getLine(), start.getCharPositionInLine() + 1, length);
    }

    static Span span(Token t) {
        return new Span(t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, t.getStopIndex() - t.getStartIndex() + 1));
    }

    private static String shortText(ParserRuleContext ctx) {
        String t = text(ctx);
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    private static String text(ParserRuleContext ctx) {
        var input = ctx.getStart().getInputStream();
        return input.getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }
}
