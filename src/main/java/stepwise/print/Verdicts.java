package stepwise.print;

import stepwise.result.Verdict;

/** A verdict in words, for the text and Markdown printers. */
final class Verdicts {
    private Verdicts() {}

    static String text(Verdict v) {
        return switch (v.status()) {
            case HOLDS -> "✓ holds (" + v.method() + ")";
            case FAILS -> "✗ fails (" + v.method() + ")";
            case UNKNOWN -> "? unknown (" + v.method() + ")";
        };
    }

    static String explain(Verdict v) {
        if (v.status() == Verdict.Status.FAILS && v.counterexample() != null && !v.counterexample().isEmpty()) {
            var at = new StringBuilder();
            v.counterexample().forEach((k, x) -> at.append(at.length() == 0 ? "" : ", ").append(k).append(" = ").append(x));
            return "counterexample: at " + at + " the left side is " + v.lhsValue() + " and the right side " + v.rhsValue();
        }
        return v.reason();
    }
}
