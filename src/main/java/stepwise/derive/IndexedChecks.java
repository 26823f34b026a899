package stepwise.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.check.DomainPoints;
import stepwise.model.Distribution;
import stepwise.result.Verification;

/**
 * Checks a claim about a product of independent coordinates, j = lo..J: for several numbers of
 * coordinates, the claim against the sum of the coordinates' KL divergences, each by quadrature.
 */
final class IndexedChecks {
    private IndexedChecks() {}

    static Verification sumOfCoordinates(Distribution q, Distribution p, Distribution qj, Distribution pj, Expr claim) {
        var index = q.index();
        long lo = Exact.eval(index.lo(), Map.of()).num().longValueExact();
        boolean symbolic = !Exprs.isClosed(index.hi());
        String depth = symbolic ? Exprs.freeSymbols(index.hi()).iterator().next() : null;
        var counts = symbolic ? List.of(1L, 2L, 3L) : List.of(Exact.eval(index.hi(), Map.of()).num().longValueExact() - lo + 1);
        var points = new ArrayList<Map<String, String>>();
        for (long count : counts) {
            var coordinates = new ArrayList<Distribution>();
            Expr truth = null;
            for (long i = lo; i < lo + count; i++) {
                Distribution qi = q.coordinate(Expr.num(i)), pi = p.coordinate(Expr.num(i));
                coordinates.add(qi);
                coordinates.add(pi);
                Expr kl = new Expr.Divergence(qi.name(), pi.name());
                truth = truth == null ? kl : Expr.add(truth, kl);
            }
            Map<String, Double> fixed = symbolic ? Map.of(depth, (double) (lo + count - 1)) : Map.of();
            var checks = new DomainPoints(coordinates, List.of(qj, pj), fixed, java.util.Set.of(), point -> true);
            Verification v = checks.agree(List.of(truth, claim));
            if (!v.ok()) return v;
            points.addAll(v.points());
        }
        return new Verification(Verification.Status.VERIFIED, "quadrature",
                "equals the sum of the coordinates' KL divergences (quadrature) for " + counts.size() + " numbers of coordinates", points);
    }
}
