package stepwise.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.check.DomainPoints;
import stepwise.model.Distribution;
import stepwise.model.Family;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;
import stepwise.rules.ExpectationRules;
import stepwise.rules.KlRules;
import stepwise.rules.LogRules;
import stepwise.rules.Rule;

/**
 * KL(q || p) between two members of one family, derived from expectations as a lecturer does it:
 * the definition, the densities, the log rules, linearity of expectation, the family's moments, and
 * algebra (Symja, under the parameters' domains). Nothing is looked up whole.
 */
final class KlDivergence {
    private final Distribution q, p;
    private final String z;
    private final String prefix;
    private final DomainPoints checks;
    private final List<Step> steps = new ArrayList<>();

    private KlDivergence(Distribution q, Distribution p, String prefix, DomainPoints checks) {
        this.q = q;
        this.p = p;
        this.z = q.variable();
        this.prefix = prefix;
        this.checks = checks;
    }

    /** KL of two distributions of one variable; the result is the derived closed form. */
    static Result.Derivation derive(String target, int line, Distribution q, Distribution p) {
        var checks = new DomainPoints(List.of(q, p), List.of(), Map.of(), java.util.Set.of(), point -> Uniforms.nested(q, p, point));
        var kl = new KlDivergence(q, p, "", checks);
        Expr result = kl.run(new Expr.Divergence(q.name(), p.name()));
        return new Result.Derivation(target, line, kl.steps, result, List.of(), Uniforms.notes(q, p));
    }

    /** KL of two products of independent coordinates, j = lo..hi: the sum of the coordinates' KLs. */
    static Result.Derivation deriveIndexed(String target, int line, Distribution q, Distribution p) {
        var index = q.index();
        Expr j = new Expr.Sym(index.var());
        Distribution qj = q.coordinate(j), pj = p.coordinate(j);
        var steps = new ArrayList<Step>();
        Expr sumOfKl = new Expr.BigOp(false, index.var(), index.lo(), index.hi(), new Expr.Divergence(qj.name(), pj.name()));
        var whole = new Expr.Divergence(q.name(), p.name());
        // The coordinate derivation is checked at coordinate j = lo, its parameters random.
        var at = Exprs.substitute(index.lo(), Map.of());
        double first = stepwise.algebra.Numeric.eval(at, Map.of());
        var coordinateChecks = new DomainPoints(List.of(qj, pj), List.of(), Map.of(index.var(), first), java.util.Set.of(), point -> true);
        var kl = new KlDivergence(qj, pj, "coordinate $" + index.var() + "$: ", coordinateChecks);
        var independence = new Step("independent coordinates", KlRules.INDEPENDENT.id(), whole, List.of(sumOfKl),
                "the log of a product density is the sum of the coordinates' log densities", null);
        steps.add(independence.verifiedBy(IndexedChecks.sumOfCoordinates(q, p, qj, pj, sumOfKl)));
        Expr coordinate = kl.run(new Expr.Divergence(qj.name(), pj.name()));
        steps.addAll(kl.steps);
        Expr result = new Expr.BigOp(false, index.var(), index.lo(), index.hi(), coordinate);
        steps.add(new Step("result", KlRules.COLLECT.id(), whole, List.of(result), "the coordinates' closed forms, summed", null)
                .verifiedBy(IndexedChecks.sumOfCoordinates(q, p, qj, pj, result)));
        return new Result.Derivation(target, line, steps, result, List.of(), List.of());
    }

    /** The densities step in the file's own names: "the Normal densities of $q_1$ and $q_2$". */
    private String densities() {
        if (q.family() == p.family()) return "the " + q.family().title + " densities of $" + Names.tex(q.name()) + "$ and $" + Names.tex(p.name()) + "$";
        return "$" + Names.tex(q.name()) + "$ is " + q.family().title + ", $" + Names.tex(p.name()) + "$ is " + p.family().title;
    }

    private Expr run(Expr kl) {
        Expr logQ = Expr.fn("log", Expr.fn(q.name(), new Expr.Sym(z))), logP = Expr.fn("log", Expr.fn(p.name(), new Expr.Sym(z)));
        Expr definition = new Expr.Expect(q.name(), Expr.sub(logQ, logP));
        add("definition", KlRules.DEFINITION, kl, List.of(definition), "the definition of the KL divergence", Proof.NUMERIC);

        Expr densityQ = LectureDensities.density(q, z), densityP = LectureDensities.density(p, z);
        Expr substituted = new Expr.Expect(q.name(), Expr.sub(Expr.fn("log", densityQ), Expr.fn("log", densityP)));
        Rule densityRule = LectureDensities.rule(q);
        add("densities", densityRule, null, List.of(definition, substituted), densities(), Proof.NUMERIC);

        List<Expr> logsQ = logs(densityQ), logsP = logs(densityP);
        Expr current = substituted;
        if (logsQ.size() > 1 || logsP.size() > 1) {
            Expr split = new Expr.Expect(q.name(), Expr.sub(ZTerms.sum(logsQ), ZTerms.sum(logsP)));
            add("logs", LogRules.PRODUCT, null, List.of(current, split), "the log of a product is the sum of the logs", Proof.NUMERIC);
            current = split;
        }
        List<Expr> termsQ = simplifyLogs(logsQ), termsP = simplifyLogs(logsP);
        var all = new ArrayList<>(termsQ);
        termsP.forEach(t -> all.add(ZTerms.negate(t)));
        Expr flat = new Expr.Expect(q.name(), ZTerms.sum(all));
        if (!flat.equals(current)) {
            Rule rule = logsQ.stream().anyMatch(l -> isLogOf(l, "exp")) || logsP.stream().anyMatch(l -> isLogOf(l, "exp")) ? LogRules.EXP : LogRules.POWER;
            add("logs", rule, null, List.of(current, flat), rule == LogRules.EXP ? "$\\log e^{x} = x$" : "$\\log a^{b} = b \\log a$", Proof.NUMERIC);
        }
        return expectations(kl, all);
    }

    /** Linearity splits the expectation: one for the terms free of z, one for each other term; then each is evaluated. */
    private Expr expectations(Expr kl, List<Expr> all) {
        var constants = new ArrayList<Expr>();
        var zTerms = new ArrayList<Expr>();
        for (Expr t : all) (ZTerms.dependsOn(t, z) ? zTerms : constants).add(t);
        var pieces = new ArrayList<Expr>();
        if (!constants.isEmpty()) pieces.add(new Expr.Expect(q.name(), ZTerms.sum(constants)));
        zTerms.forEach(t -> pieces.add(new Expr.Expect(q.name(), t)));
        Expr before = new Expr.Expect(q.name(), ZTerms.sum(all));
        Expr grouped = pieces.size() == 1 ? pieces.get(0) : new Expr.Add(pieces);
        if (!grouped.equals(before)) {
            add("linearity", ExpectationRules.LINEARITY, null, List.of(before, grouped), "the terms free of $" + z + "$ together, the others one by one", Proof.NUMERIC);
        }
        var values = new ArrayList<Expr>();
        int n = 0;
        if (!constants.isEmpty()) values.add(constantTerm(pieces.get(n++), ZTerms.sum(constants)));
        for (Expr t : zTerms) values.add(zTerm(pieces.get(n++), t, ordinal(values.size() + 1)));
        return collect(kl, values);
    }

    private Expr constantTerm(Expr expectation, Expr constant) {
        String section = "first term (free of $" + z + "$)";
        add(section, ExpectationRules.CONSTANT, expectation, List.of(constant), "they do not depend on $" + z + "$", Proof.NUMERIC);
        Expr value = constant;
        Expr simplified = Algebra.normalizeOrKeep(constant, checks.positive());
        if (!simplified.equals(constant)) {
            add(section, LogRules.SIMPLIFY, constant, List.of(simplified), "the logs expanded and like terms collected", Proof.SIMPLIFIED);
            value = simplified;
        }
        Expr halves = Variances.asHalfLogs(value, List.of(q, p));
        if (!halves.equals(value)) {
            add(section, LogRules.POWER, value, List.of(halves), "$\\log \\sigma = \\frac{1}{2} \\log \\sigma^2$ for $\\sigma > 0$, to write it with the variance", Proof.SYMJA);
            value = halves;
        }
        return value;
    }

    private Expr zTerm(Expr expectation, Expr term, String ordinal) {
        String section = ordinal + " term";
        ZTerms.Split split = ZTerms.split(term, z);
        Expr c = ZTerms.isOne(split.coefficient()) ? split.coefficient() : Algebra.normalizeOrKeep(split.coefficient(), checks.positive());
        Expr inner = new Expr.Expect(q.name(), split.zPart());
        Expr current = expectation;
        if (!ZTerms.isOne(c)) {
            Expr pulled = times(c, inner);
            add(section, ExpectationRules.LINEARITY, current, List.of(pulled), "the constant factor comes out of the expectation", Proof.NUMERIC);
            current = pulled;
        }
        Moments.Moment moment = Moments.of(q, split.zPart());
        if (moment == null) {
            throw new stepwise.diag.BadInput(stepwise.ast.Span.NONE, "no moment rule gives E[" + stepwise.ast.Infix.print(split.zPart()) + "] under " + q.family().title);
        }
        Expr withMoment = ZTerms.isOne(c) ? moment.value() : times(c, moment.value());
        add(section, moment.rule(), current, List.of(withMoment), moment.why(), Proof.NUMERIC);
        Expr simplified = Algebra.normalizeOrKeep(withMoment, checks.positive());
        // Only a real simplification earns a step; Symja's reordering of the same terms does not.
        // A number reached from a formula, or from arithmetic still to do (-1/8 4 is -1/2), is worth its step.
        boolean toNumber = Exprs.isClosed(simplified) && !simplified.equals(withMoment) && (!Exprs.isClosed(withMoment) || !isNumber(withMoment));
        if (toNumber || size(simplified) + 3 <= size(withMoment)) {
            add(section, ExpectationRules.ALGEBRA, withMoment, List.of(simplified), "simplified", Proof.SIMPLIFIED);
            return simplified;
        }
        return withMoment;
    }

    private static boolean isNumber(Expr e) {
        return e instanceof Expr.Num || e instanceof Expr.Neg n && n.arg() instanceof Expr.Num;
    }

    /**
     * c times x as a lecturer writes it: a minus sign in front, and a log coefficient after a plain
     * factor ({@code p1 log(p1)}, not {@code log(p1) p1}).
     */
    private static Expr times(Expr c, Expr x) {
        if (c instanceof Expr.Neg n) return new Expr.Neg(times(n.arg(), x));
        // lambda2 (1/lambda1) is lambda2/lambda1; 1/b2 times b1 is b1/b2, unless the two share a symbol
        // (the seed's -1/(2 sigma^2) sigma^2 shows the cancellation to come).
        if (x instanceof Expr.Div d && ZTerms.isOne(d.num())) return new Expr.Div(c, d.den());
        if (c instanceof Expr.Div d && ZTerms.isOne(d.num()) && !(x instanceof Expr.Expect)
                && java.util.Collections.disjoint(Exprs.freeSymbols(x), Exprs.freeSymbols(d.den()))) {
            return new Expr.Div(x, d.den());
        }
        boolean logCoefficient = c instanceof Expr.Fn f && f.name().equals("log");
        return logCoefficient && !(x instanceof Expr.Expect) ? Expr.mul(x, c) : Expr.mul(c, x);
    }

    /** The final sum, then a common numeric factor taken out, as in the lecture notes: 1/2 (...). */
    private Expr collect(Expr kl, List<Expr> values) {
        Expr sum = ZTerms.sum(values);
        // A number's sum is Symja's to simplify; a formula's common factor is taken out here, and Symja proves it.
        boolean closed = Exprs.isClosed(sum);
        Expr collected = closed ? Algebra.normalizeOrKeep(sum, List.of()) : Collect.commonFactor(values);
        var chain = collected.equals(sum) ? List.of(sum) : List.of(sum, collected);
        Verification added = checks.agree(List.of(kl, sum));
        steps.add(new Step(prefix + "result", KlRules.COLLECT.id(), kl, chain, "the values of the terms, added",
                collected.equals(sum) ? added
                        : both(added, closed ? checks.agreeBySimplification(sum, collected) : checks.agreeSymbolically(sum, collected))));
        return collected;
    }

    private static Verification both(Verification a, Verification b) { return a.ok() ? b : a; }

    /** How a step with two sides is checked beyond the sample points, which check every step. */
    private enum Proof {
        /** At the sample points only (quadrature where there are expectations). */
        NUMERIC,
        /** A rewrite of our own: Symja is asked to prove it too. */
        SYMJA,
        /** The right side is Symja's own simplification of the left: that is its proof. */
        SIMPLIFIED
    }

    /** Records a step and checks it: at the sample points always, and for two sides as {@code proof} says. */
    private void add(String section, Rule rule, Expr subject, List<Expr> chain, String why, Proof proof) {
        var exprs = new ArrayList<Expr>();
        if (subject != null) exprs.add(subject);
        exprs.addAll(chain);
        Verification v = exprs.size() != 2 ? checks.agree(exprs) : switch (proof) {
            case NUMERIC -> checks.agree(exprs);
            case SYMJA -> checks.agreeSymbolically(exprs.get(0), exprs.get(1));
            case SIMPLIFIED -> checks.agreeBySimplification(exprs.get(0), exprs.get(1));
        };
        steps.add(new Step(prefix + section, rule.id(), subject, chain, why, v));
    }

    // ---- logs -------------------------------------------------------------------------------

    private static List<Expr> logs(Expr density) {
        return LectureDensities.factors(density).stream().map(f -> Expr.fn("log", f)).toList();
    }

    private static boolean isLogOf(Expr log, String fn) {
        return log instanceof Expr.Fn l && l.args().get(0) instanceof Expr.Fn inner && inner.name().equals(fn);
    }

    /** log e^x = x and log a^b = b log a; other logs stay as written. */
    private List<Expr> simplifyLogs(List<Expr> logs) {
        var out = new ArrayList<Expr>();
        for (Expr l : logs) {
            Expr arg = ((Expr.Fn) l).args().get(0);
            if (arg instanceof Expr.Fn e && e.name().equals("exp")) out.add(e.args().get(0));
            else if (arg instanceof Expr.Pow pw && ZTerms.dependsOn(pw.exponent(), z)) out.add(Expr.mul(pw.exponent(), Expr.fn("log", pw.base())));
            else out.add(l);
        }
        return out;
    }

    private static int size(Expr e) {
        int n = 1;
        for (Expr c : Exprs.children(e)) n += size(c);
        return n;
    }

    private static String ordinal(int n) {
        String[] words = {"first", "second", "third", "fourth", "fifth", "sixth"};
        return n <= words.length ? words[n - 1] : n + "th";
    }

}
