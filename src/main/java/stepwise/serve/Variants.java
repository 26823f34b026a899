package stepwise.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Span;
import stepwise.ast.Statement;
import stepwise.ast.Statement.Assignment;
import stepwise.ast.Statement.ParamRef;

/**
 * A statement with its sliders' values put in, as the engine's own {@code where} clause would put
 * them: a layer parameter or a symbol of a stack is assigned with {@code where}, a distribution's
 * symbols are replaced in its declaration. The engine derives and verifies the result afresh.
 */
final class Variants {
    private Variants() {}

    /**
     * The statements to run: every declaration before statement {@code index} (distributions with the
     * values put in), then the statement itself with the values put in. A sweep becomes the derivation
     * of one row; with {@code symbolic}, of the formula in its parameter.
     *
     * @throws IllegalArgumentException when the statement offers no sliders
     */
    static List<Statement> build(List<Statement> statements, int index, Map<String, Rational> values, boolean symbolic) {
        Statement target = statements.get(index);
        Map<String, Expr> symbols = new HashMap<>();
        values.forEach((k, v) -> { if (!k.contains(".")) symbols.put(k, Exprs.num(v)); });
        var out = new ArrayList<Statement>();
        // A KL sweep's symbolic form is the divergence of the distributions as declared.
        boolean asDeclared = symbolic && isKlSweep(target);
        for (Statement s : statements.subList(0, index)) {
            if (s instanceof Statement.DistDecl d) out.add(asDeclared ? d : substitute(d, symbols));
            else if (Declarations.is(s)) out.add(s);
        }
        if (isKlSweep(target)) {
            out.add(new Statement.Derive(target.span(), ((Statement.Sweep) target).target(), List.of()));
        } else if (target instanceof Statement.Sweep w) {
            var where = new ArrayList<>(w.where());
            for (var axis : w.axes()) {
                ParamRef p = axis.param();
                Expr value = symbolic ? new Expr.Sym(symbol(w, p)) : values.containsKey(p.text()) ? Exprs.num(values.get(p.text())) : null;
                if (value == null) throw new IllegalArgumentException("no value for " + p.text());
                where.add(new Assignment(p.span(), p, value));
            }
            out.add(new Statement.Derive(w.span(), w.target(), where));
        } else if (target instanceof Statement.Derive d && d.target().function().equals("KL")) {
            out.add(d);
        } else if (target instanceof Statement.Derive d) {
            out.add(new Statement.Derive(d.span(), d.target(), symbolic ? d.where() : where(d.where(), symbols)));
        } else {
            throw new IllegalArgumentException("statement " + (index + 1) + " has no sliders");
        }
        return out;
    }

    /** Values of symbols a where clause names are put into it; other symbols are assigned with a bare where. */
    private static List<Assignment> where(List<Assignment> where, Map<String, Expr> symbols) {
        var out = new ArrayList<Assignment>();
        var used = new java.util.HashSet<String>();
        for (Assignment a : where) {
            used.addAll(Exprs.freeSymbols(a.value()));
            out.add(new Assignment(a.span(), a.ref(), Exprs.substitute(a.value(), symbols)));
        }
        symbols.forEach((name, value) -> {
            if (!used.contains(name)) out.add(new Assignment(Span.NONE, new ParamRef(Span.NONE, null, name), value));
        });
        return out;
    }

    private static Statement.DistDecl substitute(Statement.DistDecl d, Map<String, Expr> symbols) {
        if (d.index() != null) return d;
        return new Statement.DistDecl(d.span(), d.name(), d.variable(), d.family(),
                d.params().stream().map(p -> Exprs.substitute(p, symbols)).toList(), d.index());
    }

    /**
     * The symbol a swept parameter becomes in the formula: its own name ({@code d} for {@code H3.d}),
     * or with its layer ({@code d_H3}) when the other swept parameter has the same name.
     */
    private static String symbol(Statement.Sweep w, ParamRef p) {
        boolean shared = w.axes().stream().filter(a -> a.param().param().equals(p.param())).count() > 1;
        return shared && p.layer() != null ? p.param() + "_" + p.layer() : p.param();
    }

    static boolean isKlSweep(Statement s) { return s instanceof Statement.Sweep w && w.target().function().equals("KL"); }

    /** How the page heads a variant: the statement's target with the values it was given. */
    static String heading(Statement s, Map<String, Rational> values, boolean symbolic) {
        String target = s instanceof Statement.Sweep w ? w.target().text() : ((Statement.Derive) s).target().text();
        if (symbolic && s instanceof Statement.Sweep w && !isKlSweep(s)) {
            return target + " where " + String.join(", ", w.axes().stream().map(a -> a.param().text() + " = " + symbol(w, a.param())).toList());
        }
        if (symbolic) return target;
        var parts = new ArrayList<String>();
        values.forEach((k, v) -> parts.add(k + " = " + v.toDecimalString()));
        return target + (parts.isEmpty() ? "" : " where " + String.join(", ", parts));
    }
}
