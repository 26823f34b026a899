package stepwise.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.model.Net;
import stepwise.rules.ReceptiveFieldRules;

/**
 * Whether a parallel block's paths are aligned (Araujo et al., Distill 2019): one effective stride,
 * and windows that share a centre at every output position. A block that is not aligned is
 * reported with the numbers, and its receptive field is still given.
 */
final class Alignment {
    private Alignment() {}

    /** Paths that read alike at every output: output o of path i is centred at J o + (RF_i - 1)/2 - P_i. */
    static void affine(ReceptiveFields rf, Net.ParallelNode block, List<ReceptiveFields.State> ends) {
        var centres = new ArrayList<Rational>();
        for (var e : ends) {
            Rational r = value(e.rf()), p = value(e.pad());
            centres.add(r.subtract(Rational.ONE).divide(Rational.of(2)).subtract(p));
        }
        if (centres.stream().distinct().count() == 1) { record(rf, block, null); return; }
        Rational jump = value(ends.get(0).jump());
        var where = new ArrayList<String>();
        for (int i = 0; i < centres.size(); i++) where.add("path " + (i + 1) + " at " + centre(jump, centres.get(i)));
        Rational spread = centres.stream().max(Rational::compareTo).orElseThrow().subtract(centres.stream().min(Rational::compareTo).orElseThrow());
        record(rf, block, "the paths' windows of output o are centred at different inputs: " + String.join(", ", where)
                + " (" + spread + " input" + (spread.equals(Rational.ONE) ? "" : "s") + " apart)");
    }

    /** Paths whose windows depend on the output position: compared at every phase. */
    static void phased(ReceptiveFields rf, Net.ParallelNode block, List<Phases> paths) {
        Long o = Phases.misalignedAt(paths);
        if (o == null) { record(rf, block, null); return; }
        var where = new ArrayList<String>();
        for (int i = 0; i < paths.size(); i++) {
            Phases p = paths.get(i);
            where.add("path " + (i + 1) + (p.reads(o) ? " at " + Rational.of(p.lo(o) + p.hi(o), 2) : " reads nothing"));
        }
        record(rf, block, "the paths' windows of output " + o + " are centred at different inputs: " + String.join(", ", where));
    }

    /** Paths whose strides differ: no common grid. The block's receptive field is the largest of its paths'; the derivation stops. */
    static ReceptiveFields.State differentStrides(ReceptiveFields rf, Net.ParallelNode block, List<ReceptiveFields.State> ends, List<Expr> jumps) {
        String n = block.name();
        var names = new ArrayList<Expr>();
        var values = new ArrayList<Expr>();
        for (var e : ends) {
            names.add(e.isInput() ? new Expr.Sym("RF_0") : e.rfSym());
            values.add(e.rf());
        }
        Expr value = rf.add("block " + n + rf.axisLabel(), ReceptiveFieldRules.PARALLEL_STRIDES.id(), Names.of("RF", n),
                List.of(new Expr.Fn("max", names), new Expr.Fn("max", values)), "the largest of the paths' receptive fields", "RF_" + n);
        String strides = String.join(" and ", jumps.stream().map(Infix::print).toList());
        record(rf, block, "the paths' effective strides differ (" + strides + "), so their outputs lie on different grids");
        rf.stop(n, "the layers after block " + n + " are not derived: its paths' effective strides differ (" + strides + ")");
        return new ReceptiveFields.State(n, value, null, null);
    }

    private static void record(ReceptiveFields rf, Net.ParallelNode block, String reason) {
        String n = block.name();
        rf.alsoClaim("aligned_" + n, Expr.num(reason == null ? 1 : 0));
        rf.aligned.put(n, reason == null);
        if (reason == null) return;
        rf.misaligned.put(n, reason);
        String note = "block " + n + " is not aligned: " + reason;
        if (!rf.notes.contains(note)) rf.notes.add(note);
    }

    private static String centre(Rational jump, Rational offset) {
        String o = jump.equals(Rational.ONE) ? "o" : jump + " o";
        if (offset.signum() == 0) return o;
        return o + (offset.signum() > 0 ? " + " + offset : " - " + offset.negate());
    }

    private static Rational value(Expr e) { return Exact.eval(e, Map.of()); }
}
