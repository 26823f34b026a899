package stepwise.rules;

import java.util.List;
import java.util.Map;
import stepwise.Fixtures;
import stepwise.algebra.Numeric;
import stepwise.ast.Infix;
import stepwise.result.Result;
import stepwise.result.Step;

/** Helpers for the KL rule-family tests. */
final class KlFixtures {
    private KlFixtures() {}

    static Result.Derivation kl(String declarations, String q, String p) {
        return Fixtures.firstDerivation(declarations + "\nderive KL(" + q + " || " + p + ")\n");
    }

    static List<String> rules(Result.Derivation d) { return d.steps().stream().map(Step::rule).toList(); }

    static Step first(Result.Derivation d, String rule) {
        return d.steps().stream().filter(s -> s.rule().equals(rule)).findFirst().orElseThrow(() -> new AssertionError("no " + rule + " in " + rules(d)));
    }

    static boolean allVerified(Result.Derivation d) { return d.steps().stream().allMatch(s -> s.verification().ok()); }

    static String result(Result.Derivation d) { return Infix.print(d.result()); }

    static double value(Result.Derivation d, Map<String, Double> env) { return Numeric.eval(d.result(), env); }
}
