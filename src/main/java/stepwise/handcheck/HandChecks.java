package stepwise.handcheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Statement.ChainLink;
import stepwise.ast.Statement.Relation;
import stepwise.diag.BadInput;
import stepwise.result.Result;
import stepwise.result.Verdict;

/**
 * Checks a hand derivation line by line. The first line of a chain may define a name; a line that
 * puts numbers in place of symbols is a substitution; any other relation is an identity, judged at
 * sample points and by Symja ({@link Comparison}). Each line is judged against the last line that
 * held: after a wrong line, a line that follows from it but not from the last right one is marked
 * as following from the wrong line rather than as a second error, so the first error named is the
 * one that is really wrong.
 */
public final class HandChecks {
    private HandChecks() {}

    public static Result.CheckReport check(String name, int line, List<ChainLink> chain, Givens givens) {
        for (ChainLink link : chain) validate(link, givens);
        var judge = new Judge(chain, givens);
        return new Result.CheckReport(name, line, judge.run());
    }

    /** A density written without its point cannot mean anything: an error at its place. */
    private static void validate(ChainLink link, Givens givens) {
        if (Exprs.contains(link.expr(), e -> e instanceof Expr.Fn f && f.args().isEmpty() && givens.dists().containsKey(f.name()))) {
            String dist = firstEmptyDensity(link.expr(), givens);
            throw new BadInput(link.span(), "the density " + dist + "() needs the point it is taken at, as in " + dist + "(z)");
        }
    }

    private static String firstEmptyDensity(Expr e, Givens givens) {
        if (e instanceof Expr.Fn f && f.args().isEmpty() && givens.dists().containsKey(f.name())) return f.name();
        for (Expr c : Exprs.children(e)) {
            String found = firstEmptyDensity(c, givens);
            if (found != null) return found;
        }
        return null;
    }

    private static final class Judge {
        private final List<ChainLink> chain;
        private final Givens givens;
        private SamplePoints points;
        /** The distributions the chain names outright, which settle an expectation written without one. */
        private final Set<String> named;

        Judge(List<ChainLink> chain, Givens givens) {
            this.chain = chain;
            this.givens = givens;
            this.named = Resolution.named(chain.stream().map(ChainLink::expr).toList(), givens);
        }

        List<Result.CheckedLine> run() {
            var lines = new ArrayList<Result.CheckedLine>();
            int anchor = 0;
            Integer wrongSince = null;
            String defined = null;
            for (int i = 1; i < chain.size(); i++) {
                ChainLink previous = chain.get(i - 1), current = chain.get(i);
                if (i == 1 && current.relation() == Relation.EQ && Substitutions.isDefinition(previous.expr(), current.expr(), givens)) {
                    defined = Exprs.key(previous.expr());
                    lines.add(new Result.CheckedLine(current.span().line(), current.relation(), previous.expr(), current.expr(),
                            Substitutions.definition(previous.expr())));
                    anchor = 1;
                    continue;
                }
                boolean canAnchor = anchor < i - 1 && equationsBetween(anchor, i);
                Expr from = canAnchor ? chain.get(anchor).expr() : previous.expr();
                Verdict verdict = judge(from, canAnchor ? Relation.EQ : current.relation(), current.expr(), current.span().line());
                String note = null;
                Expr shownLeft = previous.expr();
                if (canAnchor && verdict.status() != Verdict.Status.HOLDS) {
                    Verdict step = judge(previous.expr(), current.relation(), current.expr(), current.span().line());
                    if (step.status() == Verdict.Status.HOLDS && verdict.status() == Verdict.Status.FAILS) {
                        note = "follows from the wrong line " + wrongSince + ", not from the last line that held: the error carries on";
                    }
                    if (step.status() == Verdict.Status.HOLDS || verdict.status() == Verdict.Status.UNKNOWN) verdict = step;
                }
                if (verdict.status() == Verdict.Status.HOLDS && note == null) anchor = i;
                if (verdict.status() == Verdict.Status.FAILS && wrongSince == null) wrongSince = current.span().line();
                if (verdict.status() == Verdict.Status.FAILS && canAnchor) shownLeft = chain.get(anchor).expr();
                var why = Explanations.of(shownLeft, current.expr(), verdict, verdict.status() == Verdict.Status.FAILS ? points() : null);
                lines.add(new Result.CheckedLine(current.span().line(), current.relation(), shownLeft, current.expr(), verdict,
                        why.difference(), why.slip(), note));
            }
            if (defined != null && wrongSince == null) nameTheValue(defined);
            return lines;
        }

        private boolean equationsBetween(int from, int to) {
            for (int k = from + 1; k <= to; k++) if (chain.get(k).relation() != Relation.EQ) return false;
            return true;
        }

        /** A name defined at the head of a chain that reaches a number takes that number for later lines. */
        private void nameTheValue(String name) {
            for (int k = 1; k < chain.size(); k++) {
                Expr e = chain.get(k).expr();
                if (Exprs.isClosed(e) && Exact.isExact(e)) {
                    givens.name(name, Exact.eval(e, Map.of()), chain.get(0).span().line());
                    return;
                }
            }
        }

        private SamplePoints points() {
            if (points == null) {
                var exprs = new ArrayList<Expr>();
                for (ChainLink link : chain) {
                    try {
                        exprs.add(Resolution.resolve(link.expr(), givens, named));
                    } catch (Resolution.Unresolved unresolved) {
                        exprs.add(link.expr());
                    }
                }
                points = new SamplePoints(exprs, givens);
            }
            return points;
        }

        private Verdict judge(Expr lhs, Relation rel, Expr rhs, int line) {
            try {
                return judgeOrThrow(Resolution.resolve(lhs, givens, named), rel, Resolution.resolve(rhs, givens, named), line);
            } catch (BadInput located) {
                throw located;
            } catch (Resolution.Unresolved unresolved) {
                return Verdict.unknown("numeric", unresolved.getMessage());
            } catch (RuntimeException | StackOverflowError cannot) {
                return Verdict.unknown("numeric", "cannot evaluate: " + cannot.getMessage());
            }
        }

        private Verdict judgeOrThrow(Expr lhs, Relation rel, Expr rhs, int line) {
            if (rel == Relation.APPROX) return Comparison.sampled(lhs, rel, rhs, points(), shown(lhs, rhs), true);
            if (Comparison.bothExact(lhs, rhs)) return Comparison.exact(lhs, rel, rhs, Map.of());
            Verdict named = withNamedNumbers(lhs, rel, rhs, line);
            if (named != null) return named;
            if (rel == Relation.EQ) {
                if (Substitutions.applies(lhs, rhs) && Substitutions.match(lhs, rhs, new java.util.HashMap<>()).isEmpty()) {
                    return Substitutions.judge(lhs, rhs, givens, line);
                }
                if (Substitutions.applies(rhs, lhs) && Substitutions.match(rhs, lhs, new java.util.HashMap<>()).isEmpty()) {
                    return Substitutions.judge(rhs, lhs, givens, line);
                }
            }
            Verdict sampled = Comparison.sampled(lhs, rel, rhs, points(), shown(lhs, rhs), false);
            if (sampled.status() == Verdict.Status.FAILS && rel == Relation.EQ) {
                Expr symbolic = Substitutions.applies(lhs, rhs) ? lhs : Substitutions.applies(rhs, lhs) ? rhs : null;
                if (symbolic != null && hasUngivenSymbol(symbolic)) {
                    return Verdict.unknown("substitution", "numbers stand for symbols that have no values given, and not one for one: "
                            + Substitutions.match(symbolic, symbolic == lhs ? rhs : lhs, new java.util.HashMap<>()).orElse(""));
                }
            }
            return sampled;
        }

        /** Every symbol has a value given earlier: the relation is arithmetic, compared exactly. */
        private Verdict withNamedNumbers(Expr lhs, Relation rel, Expr rhs, int line) {
            var symbols = new LinkedHashSet<>(Exprs.freeSymbols(lhs));
            symbols.addAll(Exprs.freeSymbols(rhs));
            if (symbols.isEmpty() || !symbols.stream().allMatch(givens::isNamed)) return null;
            var env = new java.util.HashMap<String, Rational>();
            givens.numbers().forEach((k, n) -> env.put(k, n.value()));
            Verdict exact;
            try {
                exact = Comparison.exact(lhs, rel, rhs, env);
            } catch (Exact.NotExact | ArithmeticException notArithmetic) {
                return null;
            }
            if (rel == Relation.EQ) {
                for (var pair : List.of(List.of(lhs, rhs), List.of(rhs, lhs))) {
                    if (Substitutions.applies(pair.get(0), pair.get(1)) && Substitutions.match(pair.get(0), pair.get(1), new java.util.HashMap<>()).isEmpty()) {
                        return Substitutions.judge(pair.get(0), pair.get(1), givens, line);
                    }
                }
            }
            return exact;
        }

        private boolean hasUngivenSymbol(Expr e) {
            for (String s : Exprs.freeSymbols(e)) {
                if (givens.isNamed(s)) continue;
                boolean declared = givens.dists().values().stream().anyMatch(d -> d.variable().equals(s)
                        || d.params().stream().anyMatch(p -> Exprs.freeSymbols(p).contains(s)));
                if (!declared) return true;
            }
            return false;
        }

        /** The symbols a counterexample shows: those of both sides and of the distributions they name. */
        private Set<String> shown(Expr lhs, Expr rhs) {
            var out = new LinkedHashSet<String>();
            for (Expr e : List.of(lhs, rhs)) {
                out.addAll(Exprs.freeSymbols(e));
                namedDists(e, out);
            }
            return out;
        }

        private void namedDists(Expr e, Set<String> out) {
            String name = e instanceof Expr.Expect x ? x.dist() : e instanceof Expr.Fn f ? f.name() : null;
            var names = new ArrayList<String>();
            if (name != null) names.add(name);
            if (e instanceof Expr.Divergence d) { names.add(d.q()); names.add(d.p()); }
            for (String n : names) {
                var d = givens.dists().get(n);
                if (d != null) for (Expr p : d.params()) out.addAll(Exprs.freeSymbols(p));
            }
            for (Expr c : Exprs.children(e)) namedDists(c, out);
        }
    }
}
