package stepwise.algebra;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import stepwise.ast.Expr;
import stepwise.ast.Expr.*;
import stepwise.ast.Infix;
import stepwise.ast.Rational;

/** Structural helpers over expressions: free symbols, substitution, mapping children. */
public final class Exprs {
    private Exprs() {}

    /** The key of a symbol in an environment: {@code s}, or {@code k[3]} for an indexed one. */
    public static String key(Expr e) {
        if (e instanceof Sym s) return s.name();
        if (e instanceof Indexed ix) return ix.name() + "[" + Infix.print(ix.index()) + "]";
        throw new IllegalArgumentException("not a symbol: " + Infix.print(e));
    }

    /** Symbols (by key, in order of first appearance) not bound by a sum, product or integral; constants excluded. */
    public static Set<String> freeSymbols(Expr e) {
        var out = new LinkedHashSet<String>();
        collect(e, Set.of(), out);
        return out;
    }

    private static void collect(Expr e, Set<String> bound, Set<String> out) {
        if (e instanceof Sym s) {
            if (!bound.contains(s.name()) && !Constants.isConstant(s.name())) out.add(s.name());
        } else if (e instanceof Indexed ix) {
            var inner = new LinkedHashSet<String>();
            collect(ix.index(), bound, inner);
            if (inner.isEmpty()) out.add(key(ix)); else { out.add(ix.name() + "[]"); out.addAll(inner); }
        } else if (e instanceof BigOp b) {
            collect(b.lo(), bound, out);
            collect(b.hi(), bound, out);
            var inner = new java.util.HashSet<>(bound);
            inner.add(b.var());
            collect(b.body(), inner, out);
        } else if (e instanceof Integral i) {
            collect(i.lo(), bound, out);
            collect(i.hi(), bound, out);
            var inner = new java.util.HashSet<>(bound);
            inner.add(i.var());
            collect(i.body(), inner, out);
        } else {
            children(e).forEach(c -> collect(c, bound, out));
        }
    }

    /** True when the expression has no free symbol (numbers and constants only); allocation-free for the common cases. */
    public static boolean isClosed(Expr e) {
        if (e instanceof Num) return true;
        if (e instanceof Sym s) return Constants.isConstant(s.name());
        if (e instanceof Add a) { for (Expr t : a.terms()) if (!isClosed(t)) return false; return true; }
        if (e instanceof Mul m) { for (Expr f : m.factors()) if (!isClosed(f)) return false; return true; }
        if (e instanceof Neg n) return isClosed(n.arg());
        return freeSymbols(e).isEmpty();
    }

    /** Replaces symbols (by key) with expressions; a sum's own index (or an integral's variable) is never replaced. */
    public static Expr substitute(Expr e, Map<String, Expr> values) {
        if (values.isEmpty()) return e;
        if (e instanceof Sym s) return values.getOrDefault(s.name(), s);
        if (e instanceof Indexed ix) {
            Expr replaced = new Indexed(ix.name(), fold(substitute(ix.index(), values)));
            return values.getOrDefault(key(replaced), replaced);
        }
        if (e instanceof BigOp b) {
            var inner = new java.util.HashMap<>(values);
            inner.remove(b.var());
            return new BigOp(b.product(), b.var(), substitute(b.lo(), values), substitute(b.hi(), values), substitute(b.body(), inner));
        }
        if (e instanceof Integral i) {
            var inner = new java.util.HashMap<>(values);
            inner.remove(i.var());
            return new Integral(i.var(), substitute(i.lo(), values), substitute(i.hi(), values), substitute(i.body(), inner));
        }
        return map(e, c -> substitute(c, values));
    }

    /** Folds a closed index such as {@code l - 1} with l = 3 into {@code 2}, so k[l-1] becomes k[2]. */
    private static Expr fold(Expr index) {
        if (!isClosed(index)) return index;
        try {
            return new Num(Exact.eval(index, Map.of()));
        } catch (RuntimeException notExact) {
            return index;
        }
    }

    public static List<Expr> children(Expr e) {
        if (e instanceof Indexed ix) return List.of(ix.index());
        if (e instanceof Add a) return a.terms();
        if (e instanceof Mul m) return m.factors();
        if (e instanceof Neg n) return List.of(n.arg());
        if (e instanceof Div d) return List.of(d.num(), d.den());
        if (e instanceof Pow p) return List.of(p.base(), p.exponent());
        if (e instanceof Fn f) return f.args();
        if (e instanceof BigOp b) return List.of(b.lo(), b.hi(), b.body());
        if (e instanceof Integral i) return List.of(i.lo(), i.hi(), i.body());
        if (e instanceof Expect x) return List.of(x.body());
        if (e instanceof Matrix m) return m.rows().stream().flatMap(List::stream).toList();
        return List.of();
    }

    /** Rebuilds a node with each child mapped. */
    public static Expr map(Expr e, UnaryOperator<Expr> f) {
        if (e instanceof Indexed ix) return new Indexed(ix.name(), f.apply(ix.index()));
        if (e instanceof Add a) return new Add(mapAll(a.terms(), f));
        if (e instanceof Mul m) return new Mul(mapAll(m.factors(), f));
        if (e instanceof Neg n) return new Neg(f.apply(n.arg()));
        if (e instanceof Div d) return new Div(f.apply(d.num()), f.apply(d.den()));
        if (e instanceof Pow p) return new Pow(f.apply(p.base()), f.apply(p.exponent()));
        if (e instanceof Fn fn) return new Fn(fn.name(), mapAll(fn.args(), f));
        if (e instanceof BigOp b) return new BigOp(b.product(), b.var(), f.apply(b.lo()), f.apply(b.hi()), f.apply(b.body()));
        if (e instanceof Integral i) return new Integral(i.var(), f.apply(i.lo()), f.apply(i.hi()), f.apply(i.body()));
        if (e instanceof Expect x) return new Expect(x.dist(), f.apply(x.body()));
        if (e instanceof Matrix m) return new Matrix(m.rows().stream().map(r -> mapAll(r, f)).toList());
        return e;
    }

    private static List<Expr> mapAll(List<Expr> list, UnaryOperator<Expr> f) {
        var out = new ArrayList<Expr>(list.size());
        for (Expr e : list) out.add(f.apply(e));
        return out;
    }

    public static boolean contains(Expr e, java.util.function.Predicate<Expr> p) {
        if (p.test(e)) return true;
        for (Expr c : children(e)) if (contains(c, p)) return true;
        return false;
    }

    public static Expr num(Rational r) {
        return r.signum() < 0 ? new Neg(new Num(r.negate())) : new Num(r);
    }
}
