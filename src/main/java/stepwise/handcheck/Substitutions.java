package stepwise.handcheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.result.Verdict;

/**
 * Definitions and substitutions, which are not identities. {@code RF_{H_2} = RF_{H_1} + (K_2-1) S_1}
 * introduces a name; {@code ... = 5 + (3-1) \times 2} puts numbers in place of the symbols. A
 * substitution is checked the way a grader does: the numeric side must have the shape of the symbolic
 * side with each symbol replaced by one number, and each number must agree with the value the symbol
 * was given earlier (a {@code let}, or a line that defined it).
 */
final class Substitutions {
    private Substitutions() {}

    /** A name not given before, not a declared parameter, and not used by what it is set to. */
    static boolean isDefinition(Expr head, Expr value, Givens givens) {
        if (!(head instanceof Expr.Sym || head instanceof Expr.Indexed ix && Exprs.isClosed(ix.index()))) return false;
        String key = Exprs.key(head);
        if (givens.isNamed(key) || Exprs.freeSymbols(value).contains(key)) return false;
        if (head instanceof Expr.Sym s && stepwise.algebra.Constants.isConstant(s.name())) return false;
        for (var d : givens.dists().values()) {
            if (d.variable().equals(key)) return false;
            for (Expr p : d.params()) {
                for (String s : Exprs.freeSymbols(p)) if (s.equals(key) || s.endsWith("[]") && key.startsWith(s.substring(0, s.length() - 1))) return false;
            }
        }
        return true;
    }

    static Verdict definition(Expr head) {
        return new Verdict(Verdict.Status.HOLDS, "definition", "defines " + Infix.print(head), null, null, null);
    }

    /** One side symbolic, the other numbers only: whether this is a substitution to judge here. */
    static boolean applies(Expr symbolic, Expr numeric) {
        return !Exprs.isClosed(symbolic) && Exprs.isClosed(numeric) && Exact.isExact(numeric)
                && !Comparison.needsQuadrature(symbolic);
    }

    /**
     * Judges a substitution: holds when the shapes match and every number agrees with the symbol's
     * given value (a symbol with no value yet takes the number, and later lines must agree with it);
     * fails naming the symbol and both values; unknown when the shapes do not match.
     */
    static Verdict judge(Expr symbolic, Expr numeric, Givens givens, int line) {
        var bound = new LinkedHashMap<String, Rational>();
        Optional<String> mismatch = match(symbolic, numeric, bound);
        if (mismatch.isPresent()) {
            return Verdict.unknown("substitution", "the numbers do not stand one for one in place of the symbols: " + mismatch.get());
        }
        var taken = new StringBuilder();
        for (var e : bound.entrySet()) {
            var given = givens.lookup(e.getKey());
            if (given == null) {
                taken.append(taken.length() == 0 ? "" : ", ").append(e.getKey()).append(" = ").append(e.getValue().toDecimalString());
                continue;
            }
            if (given.value().compareTo(e.getValue()) != 0) {
                return Verdict.fails("substitution", e.getKey() + " is " + given.value().toDecimalString() + " (line " + given.line() + "), but "
                        + e.getValue().toDecimalString() + " is put in its place", null, null, null);
            }
        }
        bound.forEach((k, v) -> givens.name(k, v, line));
        return new Verdict(Verdict.Status.HOLDS, "substitution", taken.length() == 0 ? null : "takes " + taken, null, null, null);
    }

    /** Walks both trees together; a symbol on the left meets one number on the right. Empty when they match. */
    static Optional<String> match(Expr pattern, Expr numbers, Map<String, Rational> bound) {
        pattern = flat(unrolled(signed(pattern)));
        numbers = flat(signed(numbers));
        if (pattern instanceof Expr.Sym || pattern instanceof Expr.Indexed ix && Exprs.isClosed(ix.index())) {
            if (pattern instanceof Expr.Sym s && stepwise.algebra.Constants.isConstant(s.name())) {
                return pattern.equals(numbers) ? Optional.empty() : Optional.of(Infix.print(pattern) + " against " + Infix.print(numbers));
            }
            Optional<Rational> v = number(numbers);
            if (v.isEmpty()) return Optional.of(Infix.print(pattern) + " stands against " + Infix.print(numbers) + ", not one number");
            String key = Exprs.key(pattern);
            Rational before = bound.putIfAbsent(key, v.get());
            if (before != null && before.compareTo(v.get()) != 0) {
                return Optional.of(key + " is replaced by " + before.toDecimalString() + " in one place and " + v.get().toDecimalString() + " in another");
            }
            return Optional.empty();
        }
        if (pattern instanceof Expr.Num a) {
            Optional<Rational> v = number(numbers);
            return v.isPresent() && v.get().compareTo(a.value()) == 0 ? Optional.empty()
                    : Optional.of("the number " + Infix.print(pattern) + " became " + Infix.print(numbers));
        }
        if (pattern.getClass() != numbers.getClass()) return Optional.of(Infix.print(pattern) + " against " + Infix.print(numbers));
        if (pattern instanceof Expr.Fn f && !f.name().equals(((Expr.Fn) numbers).name())) return Optional.of(f.name() + " against " + ((Expr.Fn) numbers).name());
        if (pattern instanceof Expr.BigOp b && (b.product() != ((Expr.BigOp) numbers).product())) return Optional.of("a sum against a product");
        List<Expr> ps = Exprs.children(pattern), ns = Exprs.children(numbers);
        if (ps.size() != ns.size()) return Optional.of(Infix.print(pattern) + " against " + Infix.print(numbers));
        for (int i = 0; i < ps.size(); i++) {
            var m = match(ps.get(i), ns.get(i), bound);
            if (m.isPresent()) return m;
        }
        return Optional.empty();
    }

    /** A sum or product with number bounds, written out: prod(j = 1..2, S[j]) is S[1] S[2], as a grader reads it. */
    private static Expr unrolled(Expr e) {
        if (!(e instanceof Expr.BigOp b) || !Exprs.isClosed(b.lo()) || !Exprs.isClosed(b.hi())) return e;
        long lo, hi;
        try {
            lo = whole(Exact.eval(b.lo(), Map.of()));
            hi = whole(Exact.eval(b.hi(), Map.of()));
        } catch (RuntimeException notWhole) {
            return e;
        }
        if (hi < lo || hi - lo > 50) return e;
        var terms = new java.util.ArrayList<Expr>();
        for (long i = lo; i <= hi; i++) terms.add(Exprs.substitute(b.body(), Map.of(b.var(), Expr.num(i))));
        if (terms.size() == 1) return terms.get(0);
        return b.product() ? new Expr.Mul(terms) : new Expr.Add(terms);
    }

    private static long whole(Rational r) {
        if (!r.isInteger()) throw new ArithmeticException("not a whole number");
        return r.num().longValueExact();
    }

    /** Products of products and sums of sums as one: (2 \times 1)(2) and 2 \cdot 1 \cdot 2 have one shape. */
    private static Expr flat(Expr e) {
        if (e instanceof Expr.Mul m) {
            var out = new java.util.ArrayList<Expr>();
            for (Expr f : m.factors()) {
                Expr g = flat(unrolled(f));
                if (g instanceof Expr.Mul inner) out.addAll(inner.factors()); else out.add(g);
            }
            return new Expr.Mul(out);
        }
        if (e instanceof Expr.Add a) {
            var out = new java.util.ArrayList<Expr>();
            for (Expr t : a.terms()) {
                Expr g = flat(unrolled(t));
                if (g instanceof Expr.Add inner) out.addAll(inner.terms()); else out.add(g);
            }
            return new Expr.Add(out);
        }
        return e;
    }

    /** {@code -3} read as negation of 3 and as the number -3 are the same thing here. */
    private static Expr signed(Expr e) {
        if (e instanceof Expr.Neg n && n.arg() instanceof Expr.Num x) return new Expr.Num(x.value().negate());
        return e;
    }

    /** One number as written: 3, -3, 1/2, 0.25. */
    private static Optional<Rational> number(Expr e) {
        if (!isNumber(e)) return Optional.empty();
        try {
            return Optional.of(Exact.eval(e, Map.of()));
        } catch (RuntimeException undefined) {
            return Optional.empty();
        }
    }

    private static boolean isNumber(Expr e) {
        if (e instanceof Expr.Num) return true;
        if (e instanceof Expr.Neg n) return isNumber(n.arg());
        return e instanceof Expr.Div d && d.num() instanceof Expr.Num && d.den() instanceof Expr.Num;
    }
}
