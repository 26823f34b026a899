package stepwise.derive;

import java.util.List;
import java.util.Map;
import stepwise.ast.Expr;
import stepwise.ast.Statement;
import stepwise.ast.Statement.Target;
import stepwise.diag.BadInput;
import stepwise.model.Distribution;
import stepwise.model.Family;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;
import stepwise.rules.KlRules;

/** Reads {@code dist} statements and {@code KL(q || p)} targets. */
final class KlTargets {
    private KlTargets() {}

    static Distribution declare(Statement.DistDecl d) { return declare(d, List.of()); }

    /** A distribution, checked alone and together with those declared before it: their symbols must leave some values. */
    static Distribution declare(Statement.DistDecl d, java.util.Collection<Distribution> before) {
        Family family = Family.of(d.family()).orElseThrow(() -> new BadInput(d.span(),
                "unknown distribution '" + d.family() + "'; families are " + Family.names()));
        Distribution dist;
        try {
            dist = new Distribution(d.name(), d.variable(), family, d.params(), d.index());
        } catch (IllegalArgumentException e) {
            throw new BadInput(d.span(), family.title + " " + d.name() + ": " + e.getMessage());
        }
        if (d.index() == null) {
            for (Expr param : d.params()) {
                var indexed = new java.util.ArrayList<Expr>();
                stepwise.algebra.Exprs.contains(param, e -> {
                    if (e instanceof Expr.Indexed ix && !stepwise.algebra.Exprs.isClosed(ix.index())) indexed.add(e);
                    return false;
                });
                if (!indexed.isEmpty()) {
                    throw new BadInput(d.span(), family.title + " " + d.name() + ": " + stepwise.ast.Infix.print(indexed.get(0))
                            + " has a symbolic index, but " + d.name() + " has no coordinates; add: for j = 1..J");
                }
            }
        }
        if (!stepwise.model.ParameterDomains.nonEmpty(List.of(dist))) {
            throw new BadInput(d.span(), family.title + " " + d.name() + ": no values of its symbols make every parameter valid (" + domainWords(family) + ")");
        }
        var all = new java.util.ArrayList<>(before);
        all.add(dist);
        var shared = all.stream().filter(o -> o == dist || sharesSymbols(o, dist)).toList();
        if (shared.size() > 1 && !stepwise.model.ParameterDomains.nonEmpty(shared)) {
            throw new BadInput(d.span(), family.title + " " + d.name() + ": no values of its symbols make its parameters valid together with "
                    + String.join(", ", shared.stream().filter(o -> o != dist).map(Distribution::name).toList()) + " (" + domainWords(family) + ")");
        }
        return dist;
    }

    private static boolean sharesSymbols(Distribution a, Distribution b) {
        var symbols = new java.util.HashSet<String>();
        a.params().forEach(p -> symbols.addAll(stepwise.algebra.Exprs.freeSymbols(p)));
        return b.params().stream().anyMatch(p -> stepwise.algebra.Exprs.freeSymbols(p).stream().anyMatch(symbols::contains));
    }

    private static String domainWords(Family family) {
        return switch (family) {
            case NORMAL -> "the variance must be positive";
            case BERNOULLI -> "the probability must be between 0 and 1";
            case EXPONENTIAL -> "the rate must be positive";
            case LAPLACE -> "the scale must be positive";
            case UNIFORM -> "the lower bound must be below the upper bound";
        };
    }

    static Result.Derivation derive(Statement.Derive d, Map<String, Distribution> dists) {
        Target t = d.target();
        if (!d.where().isEmpty()) throw new BadInput(d.where().get(0).span(), "'where' is for layer stacks");
        if (t.args().size() != 1 || !"||".equals(t.args().get(0).name())) throw new BadInput(t.span(), "write KL(q || p), with two declared distributions");
        var arg = t.args().get(0);
        Distribution q = lookup(arg.valueSpans().get(0), ((Expr.Sym) arg.values().get(0)).name(), dists);
        Distribution p = lookup(arg.valueSpans().get(1), ((Expr.Sym) arg.values().get(1)).name(), dists);
        if (q.family() != p.family()) {
            throw new BadInput(t.span(), q.name() + " is " + q.family().title + " and " + p.name() + " is " + p.family().title
                    + ": the KL divergence is derived between two members of one family");
        }
        if ((q.index() == null) != (p.index() == null)) {
            throw new BadInput(t.span(), "one of " + q.name() + " and " + p.name() + " has coordinates (for j = ...) and the other does not");
        }
        if (p.params().stream().anyMatch(x -> stepwise.algebra.Exprs.freeSymbols(x).contains(q.variable()))) {
            throw new BadInput(t.span(), "the parameters of " + p.name() + " use " + q.variable() + ", the variable of " + q.name() + ": name the variables differently");
        }
        Distribution pOnQ = new Distribution(p.name(), q.variable(), p.family(), p.params(), p.index());
        if (q.index() != null) {
            if (!q.index().lo().equals(p.index().lo()) || !q.index().hi().equals(p.index().hi())) {
                throw new BadInput(t.span(), q.name() + " and " + p.name() + " run over different coordinates");
            }
            Distribution pAligned = new Distribution(p.name(), q.variable(), p.family(),
                    p.params().stream().map(x -> stepwise.algebra.Exprs.substitute(x, Map.of(p.index().var(), new Expr.Sym(q.index().var())))).toList(), q.index());
            return KlDivergence.deriveIndexed(t.text(), d.span().line(), q, pAligned);
        }
        String infinite = Uniforms.notNested(q, pOnQ);
        if (infinite != null) return infinite(t, d.span().line(), q, pOnQ, infinite);
        return KlDivergence.derive(t.text(), d.span().line(), q, pOnQ);
    }

    private static Result.Derivation infinite(Target t, int line, Distribution q, Distribution p, String reason) {
        var kl = new Expr.Divergence(q.name(), p.name());
        var step = new Step("support", KlRules.INFINITE.id(), kl, List.of(new Expr.Sym("infinity")), reason,
                Verification.verified("exact", "the support bounds compared exactly"));
        return new Result.Derivation(t.text(), line, List.of(step), new Expr.Sym("infinity"), List.of(), List.of("$" + Uniforms.kl(q, p) + "$ is infinite: " + reason));
    }

    private static Distribution lookup(stepwise.ast.Span span, String name, Map<String, Distribution> dists) {
        var d = dists.get(name);
        if (d == null) {
            throw new BadInput(span, "no distribution named '" + name + "'"
                    + (dists.isEmpty() ? "; declare it first with dist " + name + " = Normal(mu, sigma^2)" : "; distributions are " + String.join(", ", dists.keySet())));
        }
        return d;
    }
}
