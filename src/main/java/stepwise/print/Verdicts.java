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

    /** What follows a verdict: a line wrong only as a consequence, the difference of the sides, the kind of slip. */
    static java.util.List<String> why(stepwise.result.Result.CheckedLine line) {
        var out = new java.util.ArrayList<String>();
        if (line.note() != null) out.add("(" + line.note() + ")");
        if (line.difference() != null) out.add("left - right = " + line.difference() + (line.slip() == null ? "" : "   (" + slip(line.slip()) + ")"));
        else if (line.slip() != null) out.add("(" + slip(line.slip()) + ")");
        return out;
    }

    static String slip(String kind) {
        return switch (kind) {
            case "sign" -> "a slip of sign";
            case "factor" -> "a wrong factor";
            case "missing-term" -> "a missing or extra term";
            case "moment" -> "a wrong moment";
            case "arithmetic" -> "an arithmetic slip";
            case "substitution" -> "a wrong number substituted";
            case "index-bound" -> "a wrong bound of the index";
            default -> kind;
        };
    }
}
