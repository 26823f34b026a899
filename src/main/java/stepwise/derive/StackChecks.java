package stepwise.derive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.model.Net;
import stepwise.result.Step;
import stepwise.result.Verification;

/**
 * Checks every value a stack derivation claims against a brute force over the layers' own
 * arithmetic: directly for a numeric stack, and at random points of the declared domain for a
 * symbolic one. The brute force maps a numeric stack (and the sample point, for symbols that are
 * not layer parameters, such as an input length n) to the true value of each claimed quantity
 * (by key, such as {@code RF_H2}); a null value means it was too large to enumerate.
 */
final class StackChecks {
    private StackChecks() {}

    static final int POINTS = 6;
    static final long SEED = 20260125L;

    /** A value that the step at {@code stepIndex} claims for the quantity {@code key}. */
    record Claim(int stepIndex, String key, Expr value) {}

    static List<Step> verify(Net net, List<Step> steps, List<Claim> claims, Set<String> extraSymbols,
                             BiFunction<Net, Map<String, Rational>, Map<String, Rational>> bruteForce) {
        var out = new ArrayList<>(steps);
        boolean numeric = claims.stream().allMatch(c -> Exprs.isClosed(c.value()));
        if (numeric) {
            Map<String, Rational> truth = bruteForce.apply(net, Map.of());
            for (var c : claims) out.set(c.stepIndex(), fold(out.get(c.stepIndex()), exact(c, truth)));
            return out;
        }
        Set<String> extra = new HashSet<>(extraSymbols);
        claims.forEach(c -> extra.addAll(Exprs.freeSymbols(c.value())));
        var sampler = new NetPoints(net, extra);
        var points = new ArrayList<Map<String, Rational>>();
        var truths = new ArrayList<Map<String, Rational>>();
        for (var point : sampler.sample(POINTS * 5, SEED)) {
            Net concrete = NetPoints.instantiate(net, point);
            if (concrete == null) continue;
            Map<String, Rational> truth;
            try {
                truth = bruteForce.apply(concrete, point);
            } catch (RuntimeException invalidAtThisPoint) {
                continue;
            }
            points.add(point);
            truths.add(truth);
            if (points.size() == POINTS) break;
        }
        for (var c : claims) out.set(c.stepIndex(), fold(out.get(c.stepIndex()), sampled(c, points, truths)));
        return out;
    }

    /** A step with several claims keeps the worst verdict: a failure, else an unknown, else the first confirmation. */
    private static Step fold(Step step, Verification v) {
        Verification had = step.verification();
        if (had == null || rank(v) > rank(had)) return step.verifiedBy(v);
        return step;
    }

    private static int rank(Verification v) {
        return switch (v.status()) {
            case VERIFIED -> 0;
            case UNKNOWN -> 1;
            case FAILED -> 2;
        };
    }

    /** One shared record for every numeric value that brute force confirmed: the value is the step's own result. */
    private static final Verification CONFIRMED = Verification.verified("brute-force", "recomputed by brute force: the same value");

    private static Verification exact(Claim c, Map<String, Rational> truth) {
        Rational expected = truth.get(c.key());
        if (expected == null) return Verification.unknown("brute-force", c.key() + " is too large to enumerate");
        Rational claimed;
        try {
            claimed = Exact.eval(c.value(), Map.of());
        } catch (Exact.NotExact | ArithmeticException e) {
            return Verification.unknown("brute-force", "cannot evaluate " + Infix.print(c.value()) + " exactly");
        }
        if (claimed.equals(expected)) return CONFIRMED;
        return Verification.failed("brute-force", "brute force gives " + c.key() + " = " + expected + ", the derivation " + claimed);
    }

    private static Verification sampled(Claim c, List<Map<String, Rational>> points, List<Map<String, Rational>> truths) {
        if (points.isEmpty()) return Verification.unknown("brute-force", "no point of the declared domain gives a valid stack");
        int checked = 0;
        for (int i = 0; i < points.size(); i++) {
            Rational expected = truths.get(i).get(c.key());
            if (expected == null) continue;
            Rational claimed;
            try {
                claimed = Exact.eval(c.value(), points.get(i));
            } catch (Exact.NotExact | ArithmeticException e) {
                return Verification.unknown("brute-force", "cannot evaluate " + Infix.print(c.value()) + " exactly");
            }
            if (!claimed.equals(expected)) {
                var at = NetPoints.printable(points.get(i));
                return Verification.failed("brute-force", "at " + at + " brute force gives " + c.key() + " = " + expected
                        + ", the formula " + claimed).withPoints(List.of(at));
            }
            checked++;
        }
        if (checked == 0) return Verification.unknown("brute-force", c.key() + " is too large to enumerate");
        return Verification.verified("brute-force", c.key() + " agrees with brute force at " + checked + " random points")
                .withPoints(points.stream().map(NetPoints::printable).toList());
    }
}
