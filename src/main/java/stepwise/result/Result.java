package stepwise.result;

import java.util.List;
import stepwise.ast.Expr;
import stepwise.ast.Statement.Relation;

/** What one statement of a file produced, in order; the printers render these and nothing else. */
public sealed interface Result {

    /** Whether everything this result claims was checked and held. */
    default boolean ok() { return true; }

    record Title(String text) implements Result {}

    record Prose(String text) implements Result {}

    /** A derivation: its steps, and a final expression and/or a layer table. */
    record Derivation(String target, int line, List<Step> steps, Expr result, List<LayerRow> layers, List<String> notes)
            implements Result {
        public Derivation {
            steps = List.copyOf(steps);
            layers = List.copyOf(layers);
            notes = List.copyOf(notes);
        }

        @Override public boolean ok() { return steps.stream().noneMatch(s -> s.verification().status() == Verification.Status.FAILED); }
    }

    /** One point of a sweep: a value per swept parameter (in the sweep's order), the derived value, its check. */
    record SweepRow(List<Expr> at, Expr value, Verification verification) {
        public SweepRow { at = List.copyOf(at); }

        public SweepRow(Expr param, Expr value, Verification verification) { this(List.of(param), value, verification); }
    }

    /**
     * A sweep over one parameter (a row per value) or two (a row per point of the grid, first
     * parameter outer: one curve per value of the second).
     */
    record Sweep(String target, int line, List<String> params, List<SweepRow> rows) implements Result {
        public Sweep {
            params = List.copyOf(params);
            rows = List.copyOf(rows);
            if (params.isEmpty() || params.size() > 2) throw new IllegalArgumentException("a sweep is over one or two parameters");
            for (var r : rows) if (r.at().size() != params.size()) throw new IllegalArgumentException("a sweep row needs one value per parameter");
        }

        public Sweep(String target, int line, String param, List<SweepRow> rows) { this(target, line, List.of(param), rows); }

        /** The parameters as written, {@code H3.d, H1.s}. */
        public String paramsText() { return String.join(", ", params); }

        /** The target without its where clause: {@code receptive_field(Q1)}. */
        public String call() {
            int at = target.indexOf(" where ");
            return at < 0 ? target : target.substring(0, at);
        }

        /** The statement as written after {@code sweep}: {@code receptive_field(Q1) over H3.d where H2.k = 5}. */
        public String statement() {
            int at = target.indexOf(" where ");
            return call() + " over " + paramsText() + (at < 0 ? "" : target.substring(at));
        }

        @Override public boolean ok() { return rows.stream().noneMatch(r -> r.verification().status() == Verification.Status.FAILED); }
    }

    /**
     * One relation of a hand derivation: the line of its right-hand side, both sides, and the verdict;
     * when it fails, the difference of the two sides (left minus right, simplified) and the kind of
     * slip where it is plain; a note when it holds only as a consequence of an earlier wrong line.
     */
    record CheckedLine(int line, Relation relation, Expr lhs, Expr rhs, Verdict verdict, String difference, String slip, String note) {
        public CheckedLine(int line, Relation relation, Expr lhs, Expr rhs, Verdict verdict) { this(line, relation, lhs, rhs, verdict, null, null, null); }

        public boolean is(Verdict.Status status) { return verdict.status() == status; }
    }

    /** A checked hand derivation; the first line whose relation fails, or null. */
    record CheckReport(String name, int line, List<CheckedLine> lines, String unreadable) implements Result {
        public CheckReport { lines = List.copyOf(lines); }

        public CheckReport(String name, int line, List<CheckedLine> lines) { this(name, line, lines, null); }

        /** A display that could not be read: nothing in it is judged, and the reason is given. */
        public static CheckReport unreadable(String name, int line, String reason) { return new CheckReport(name, line, List.of(), reason); }

        public long count(Verdict.Status status) { return lines.stream().filter(l -> l.is(status)).count(); }

        /** Whether every relation was read and judged (none unknown, no unreadable display). */
        public boolean judged() { return unreadable == null && count(Verdict.Status.UNKNOWN) == 0; }

        public Integer firstError() {
            return lines.stream().filter(l -> l.verdict().status() == Verdict.Status.FAILS).map(CheckedLine::line).findFirst().orElse(null);
        }

        @Override public boolean ok() { return firstError() == null; }
    }

    /** The smallest value of a parameter meeting a target, or none, with the steps that found it. */
    record Solution(String target, int line, String param, Relation relation, Expr bound, Expr value, String reason,
                    List<Step> steps) implements Result {
        public Solution { steps = List.copyOf(steps); }

        @Override public boolean ok() { return steps.stream().noneMatch(s -> s.verification().status() == Verification.Status.FAILED); }
    }
}
