package stepwise.result;

import java.util.List;
import java.util.Map;

/**
 * How a step was checked: the method (brute-force, exact, numeric, symbolic), the outcome, a
 * sentence saying what was compared, and the sample points used (symbol to value), if any.
 */
public record Verification(Status status, String method, String detail, List<Map<String, String>> points) {
    public enum Status { VERIFIED, FAILED, UNKNOWN }

    public Verification {
        // Insertion order is kept: Map.copyOf would print the symbols in a different order each run.
        points = points == null ? List.of()
                : points.stream().map(p -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(p))).toList();
    }

    public static Verification verified(String method, String detail) { return new Verification(Status.VERIFIED, method, detail, List.of()); }

    public static Verification failed(String method, String detail) { return new Verification(Status.FAILED, method, detail, List.of()); }

    public static Verification unknown(String method, String detail) { return new Verification(Status.UNKNOWN, method, detail, List.of()); }

    public Verification withPoints(List<Map<String, String>> pts) { return new Verification(status, method, detail, pts); }

    public boolean ok() { return status == Status.VERIFIED; }
}
