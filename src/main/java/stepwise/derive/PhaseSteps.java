package stepwise.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.diag.BadInput;
import stepwise.model.AxisParams;
import stepwise.model.Layer;
import stepwise.model.LayerKind;
import stepwise.model.Net;
import stepwise.rules.ReceptiveFieldRules;

/**
 * The steps for a layer whose windows depend on the output position: a transposed convolution,
 * an upsampling layer, or any layer above one. Where the layer below reads alike at every output
 * the closed forms rf-transposed and rf-upsample say why; otherwise the windows are followed phase
 * by phase (rf-phases) with {@link Phases}.
 */
final class PhaseSteps {
    private PhaseSteps() {}

    /** Phase tables longer than this are summarised in the steps by their extremes. */
    private static final int LISTED_PHASES = 8;

    static ReceptiveFields.State layer(ReceptiveFields rf, Layer layer, ReceptiveFields.State prev, int axis) {
        String n = layer.name();
        String section = "layer " + n + rf.axisLabel();
        AxisParams p = layer.axis(axis);
        long k = whole(layer, p.k()), s = whole(layer, p.s()), d = whole(layer, p.d()), pad = whole(layer, p.leftPadding());
        long f = whole(layer, p.f());
        boolean belowAlike = prev.phases() == null;
        Phases below = belowAlike ? affine(prev, layer) : prev.phases();
        LayerKind kind = layer.kind();
        Phases next = switch (kind) {
            case TCONV -> below.transposed(k, s, d, pad);
            case UPSAMPLE -> layer.linear() ? below.upsampleLinear(f) : below.upsample(f);
            default -> below.conv(k, s, d, pad);
        };
        if (next.firstReading() < 0) {
            throw new BadInput(layer.span(), "'" + n + "' reads no input at any output position (its kernel taps miss every position below)");
        }
        Expr jump = jumpStep(rf, section, n, kind, prev, s, f);
        Expr rfValue;
        Expr rfMin = null;
        long max = next.rfMax(), min = next.rfMin();
        if (belowAlike && kind == LayerKind.TCONV && d == 1) {
            rfValue = rf.add(section, ReceptiveFieldRules.TRANSPOSED.id(), Names.of("RF", n),
                    transposedRf(prev, n, k, s, "ceil"), "output $o$ reads the $u$ below with $u s + i = o + p$: at most $k/s$ of them, rounded up",
                    "RF_" + n);
            if (min != max) {
                var chain = k / s == 0 ? List.<Expr>of(Expr.num(0)) : transposedRf(prev, n, k, s, "floor");
                rfMin = rf.add(section, ReceptiveFieldRules.TRANSPOSED.id(), Names.of("RFmin", n), chain,
                        k / s == 0 ? "$k < s$: some outputs read nothing" : "other outputs read $k/s$ of them, rounded down", "RFmin_" + n);
            }
        } else if (belowAlike && kind == LayerKind.UPSAMPLE && !layer.linear()) {
            rfValue = rf.add(section, ReceptiveFieldRules.UPSAMPLE.id(), Names.of("RF", n), List.of(rfName(prev), prev.rf()),
                    "output $o$ copies position $o/f$ below, rounded down", "RF_" + n);
        } else {
            rfValue = rf.add(section, ReceptiveFieldRules.PHASES.id(), Names.of("RF", n), phaseChain("max", next, max),
                    phaseWhy(next), "RF_" + n);
            if (min != max) {
                rfMin = rf.add(section, ReceptiveFieldRules.PHASES.id(), Names.of("RFmin", n), phaseChain("min", next, min),
                        "the smallest over the phases", "RFmin_" + n);
            }
        }
        Expr padValue = padStep(rf, section, n, layer.linear() ? null : kind, prev, next, belowAlike && d == 1, k, s, pad);
        if (next.isAffine()) return new ReceptiveFields.State(n, rfValue, jump, padValue);
        return new ReceptiveFields.State(n, rfValue, jump, padValue, rfMin, next);
    }

    private static Expr jumpStep(ReceptiveFields rf, String section, String n, LayerKind kind, ReceptiveFields.State prev, long s, long f) {
        Expr jPrev = prev.jumpSym();
        if (kind == LayerKind.TCONV) {
            return rf.add(section, ReceptiveFieldRules.JUMP_TRANSPOSED.id(), Names.of("J", n),
                    List.of(new Expr.Div(jPrev, Names.of("s", n)), new Expr.Div(prev.jump(), Expr.num(s))),
                    "$s$ outputs for each step of the layer below", "J_" + n);
        }
        if (kind == LayerKind.UPSAMPLE) {
            return rf.add(section, ReceptiveFieldRules.JUMP_UPSAMPLE.id(), Names.of("J", n),
                    List.of(new Expr.Div(jPrev, Names.of("f", n)), new Expr.Div(prev.jump(), Expr.num(f))),
                    "$f$ outputs for each position below", "J_" + n);
        }
        return rf.add(section, ReceptiveFieldRules.JUMP.id(), Names.of("J", n),
                List.of(Expr.mul(jPrev, Names.of("s", n)), Expr.mul(prev.jump(), Expr.num(s))),
                "$s$ positions below are $s J_{l-1}$ inputs", "J_" + n);
    }

    private static Expr padStep(ReceptiveFields rf, String section, String n, LayerKind kind, ReceptiveFields.State prev, Phases next,
                                boolean closedForm, long k, long s, long p) {
        if (closedForm && kind == LayerKind.TCONV && next.reads(0)) {
            Expr general = Expr.sub(padName(prev), Expr.mul(prev.jumpSym(),
                    Expr.fn("ceil", new Expr.Div(Expr.sub(Names.of("p", n), Expr.sub(Names.of("k", n), AxisParams.ONE)), Names.of("s", n)))));
            Expr numbers = Expr.sub(prev.pad(), Expr.mul(prev.jump(), Expr.fn("ceil",
                    new Expr.Div(Expr.sub(Expr.num(p), Expr.sub(Expr.num(k), AxisParams.ONE)), Expr.num(s)))));
            return rf.add(section, ReceptiveFieldRules.TRANSPOSED_PADDING.id(), Names.of("P", n), List.of(general, numbers),
                    "output 0 reads from position $(p - (k - 1))/s$ below, rounded up", "P_" + n);
        }
        if (prev.phases() == null && kind == LayerKind.UPSAMPLE) {
            return rf.add(section, ReceptiveFieldRules.UPSAMPLE.id(), Names.of("P", n), List.of(padName(prev), prev.pad()),
                    "output 0 copies position 0 below", "P_" + n);
        }
        int r = next.firstReading();
        List<Expr> chain = r == 0 ? List.of(Expr.num(-next.lo(0)))
                : List.of(Expr.sub(Expr.mul(Expr.num(next.jump()), Expr.num(r)), Expr.num(next.lo(r))));
        return rf.add(section, ReceptiveFieldRules.PHASES_PADDING.id(), Names.of("P", n), chain,
                r == 0 ? "output 0's window starts at input " + next.lo(0) : "output " + r + " is the first that reads anything; its window starts at input " + next.lo(r),
                "P_" + n);
    }

    private static List<Expr> transposedRf(ReceptiveFields.State prev, String n, long k, long s, String round) {
        Expr general = Expr.add(rfName(prev), Expr.mul(Expr.sub(Expr.fn(round, new Expr.Div(Names.of("k", n), Names.of("s", n))), AxisParams.ONE), prev.jumpSym()));
        Expr numbers = Expr.add(prev.rf(), Expr.mul(Expr.sub(Expr.fn(round, new Expr.Div(Expr.num(k), Expr.num(s))), AxisParams.ONE), prev.jump()));
        return List.of(general, numbers);
    }

    private static List<Expr> phaseChain(String fn, Phases phases, long value) {
        if (phases.period() == 1) return List.of(Expr.num(value));
        if (phases.period() > LISTED_PHASES) return List.of(Expr.num(value));
        var values = new ArrayList<Expr>();
        for (int r = 0; r < phases.period(); r++) values.add(Expr.num(phases.rf(r)));
        return List.of(new Expr.Fn(fn, values), Expr.num(value));
    }

    private static String phaseWhy(Phases phases) {
        if (phases.period() == 1) return "every output reads alike";
        return "the windows of outputs $o = 0.." + (phases.period() - 1) + "$; output $o + " + phases.period() + "$ reads the window of $o$ moved "
                + phases.jump().multiply(Rational.of(phases.period())) + " inputs";
    }

    private static Expr rfName(ReceptiveFields.State prev) { return prev.isInput() ? new Expr.Sym("RF_0") : prev.rfSym(); }

    private static Expr padName(ReceptiveFields.State prev) { return prev.padSym(); }

    /** The windows of a layer below that reads alike at every output, from its numeric RF, J and P. */
    private static Phases affine(ReceptiveFields.State prev, Layer layer) {
        try {
            Rational rf = Exact.eval(prev.rf(), Map.of()), jump = Exact.eval(prev.jump(), Map.of()), pad = Exact.eval(prev.pad(), Map.of());
            return Phases.affine(jump.num().longValueExact(), pad.num().longValueExact(), rf.num().longValueExact());
        } catch (Exact.NotExact | ArithmeticException e) {
            throw new BadInput(layer.span(), "'" + layer.name() + "' needs numeric parameters below it: after a transposed or upsampling layer"
                    + " windows are followed output position by output position");
        }
    }

    private static long whole(Layer layer, Expr e) {
        try {
            return Exact.eval(e, Map.of()).num().longValueExact();
        } catch (Exact.NotExact | ArithmeticException ex) {
            throw new BadInput(layer.span(), "'" + layer.name() + "' needs numeric parameters: windows through transposed and upsampling layers"
                    + " are followed output position by output position");
        }
    }

    /** A parallel block with a path whose windows depend on the output position: their union, phase by phase. */
    static ReceptiveFields.State parallel(ReceptiveFields rf, Net.ParallelNode block, List<ReceptiveFields.State> ends, int axis) {
        String n = block.name();
        String section = "block " + n + rf.axisLabel();
        var paths = new ArrayList<Phases>();
        for (var e : ends) paths.add(e.phases() != null ? e.phases() : affine(e, block));
        Phases union = Phases.union(paths);
        long max = union.rfMax(), min = union.rfMin();
        Expr rfValue = rf.add(section, ReceptiveFieldRules.PARALLEL.id(), Names.of("RF", n), phaseChain("max", union, max),
                "the union of the paths' windows at each output position; " + phaseWhy(union), "RF_" + n);
        Alignment.phased(rf, block, paths);
        Expr rfMin = min == max ? null : rf.add(section, ReceptiveFieldRules.PARALLEL.id(), Names.of("RFmin", n),
                phaseChain("min", union, min), "the smallest over the phases", "RFmin_" + n);
        int r = union.firstReading();
        List<Expr> chain = r == 0 ? List.of(Expr.num(-union.lo(0)))
                : List.of(Expr.sub(Expr.mul(Expr.num(union.jump()), Expr.num(r)), Expr.num(union.lo(r))));
        Expr pad = rf.add(section, ReceptiveFieldRules.PHASES_PADDING.id(), Names.of("P", n), chain,
                "the block's window of output " + r + " starts where its leftmost path's does", "P_" + n);
        Expr jump = ends.get(0).jump();
        if (union.isAffine()) return new ReceptiveFields.State(n, rfValue, jump, pad);
        return new ReceptiveFields.State(n, rfValue, jump, pad, rfMin, union);
    }

    private static Phases affine(ReceptiveFields.State e, Net.ParallelNode block) {
        try {
            Rational rf = Exact.eval(e.rf(), Map.of()), jump = Exact.eval(e.jump(), Map.of()), pad = Exact.eval(e.pad(), Map.of());
            return Phases.affine(jump.num().longValueExact(), pad.num().longValueExact(), rf.num().longValueExact());
        } catch (Exact.NotExact | ArithmeticException ex) {
            throw new BadInput(block.span(), "parallel block '" + block.name() + "' needs numeric layer parameters");
        }
    }
}
