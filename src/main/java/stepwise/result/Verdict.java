package stepwise.result;

import java.util.Map;

/**
 * The judgement of one checked relation: it holds, it fails (with a counterexample where one
 * exists: the symbols' values and both sides' values there), or it is unknown (with the reason).
 * Unknown is not a failure.
 */
public record Verdict(Status status, String method, String reason, Map<String, String> counterexample, String lhsValue, String rhsValue) {
    public enum Status { HOLDS, FAILS, UNKNOWN }

    public Verdict {
        counterexample = counterexample == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counterexample));
    }

    public static Verdict holds(String method) { return new Verdict(Status.HOLDS, method, null, null, null, null); }

    public static Verdict unknown(String method, String reason) { return new Verdict(Status.UNKNOWN, method, reason, null, null, null); }

    public static Verdict fails(String method, String reason, Map<String, String> at, String lhs, String rhs) {
        return new Verdict(Status.FAILS, method, reason, at, lhs, rhs);
    }
}
