package stepwise.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.check.Windows;
import stepwise.diag.BadInput;
import stepwise.model.AxisParams;
import stepwise.model.Layer;
import stepwise.model.Net;
import stepwise.result.LayerRow;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.rules.ReceptiveFieldRules;

/**
 * Derives, layer by layer, the receptive field RF, effective stride (jump) J and effective left
 * padding P of a stack, by rf-base, rf-recurrence, rf-jump, rf-padding and rf-parallel. Values are
 * exact integers for numeric stacks and Symja-expanded polynomials for symbolic ones; every value
 * is then checked by {@link StackChecks} against the window arithmetic of the layers.
 */
public final class ReceptiveFields {

    /**
     * What is known after a layer: its RF, J, P as expressions, and the name they are written with.
     * After a transposed or upsampling layer the windows may differ between output positions: then
     * {@code phases} holds them (numeric), {@code rfMin} the smallest receptive field when it differs
     * from {@code rf} (the largest), and J may be a fraction.
     */
    record State(String name, Expr rf, Expr jump, Expr pad, Expr rfMin, Phases phases) {
        State(String name, Expr rf, Expr jump, Expr pad) { this(name, rf, jump, pad, null, null); }
        boolean isInput() { return name == null; }
        Expr rfSym() { return isInput() ? new Expr.Sym("RF_0") : Names.of("RF", name); }
        Expr jumpSym() { return isInput() ? new Expr.Sym("J_0") : Names.of("J", name); }
        Expr padSym() { return isInput() ? new Expr.Sym("P_0") : Names.of("P", name); }
    }

    static final State INPUT = new State(null, AxisParams.ONE, AxisParams.ONE, AxisParams.ZERO);

    private final Net net;
    private final int axis;
    private final String axisLabel;
    final List<Step> steps = new ArrayList<>();
    final List<StackChecks.Claim> claims = new ArrayList<>();
    final Map<String, State> states = new LinkedHashMap<>();
    /** Why each parallel block is not aligned (absent when it is), by block name. */
    final Map<String, String> misaligned = new LinkedHashMap<>();
    final Map<String, Boolean> aligned = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    /** Set once a block's paths' strides differ: nothing after it has one grid to follow. */
    private String stoppedAt;
    private String stopNote;
    /** Whether layers after such a block were left underived (the stack's output has no single value). */
    private boolean skipped;

    enum Quantity { RF, JUMP, PAD }

    /** The true RF, J and P of every layer of a numeric stack, by the window arithmetic of {@link Windows}. */
    static Map<String, Rational> truth(Net net, int axis) {
        var out = new LinkedHashMap<String, Rational>();
        Windows.windows(net, axis).forEach((name, w) -> {
            if (w == null) return;
            out.put("RF_" + name, Rational.of(w.rfMax()));
            out.put("RFmin_" + name, Rational.of(w.rfMin()));
            if (w.jump() != null) out.put("J_" + name, w.jump());
            if (w.pad() != null) out.put("P_" + name, w.pad());
            if (w.aligned() != null) out.put("aligned_" + name, w.aligned() ? Rational.ONE : Rational.ZERO);
        });
        return out;
    }

    private ReceptiveFields(Net net, int axis) {
        this.net = net;
        this.axis = axis;
        this.axisLabel = net.dims() == 1 ? "" : axis == 0 ? AxisSymbols.HEIGHT : AxisSymbols.WIDTH;
    }

    /** The derivation of receptive_field(S) for a stack of numeric depth. */
    public static Result.Derivation derive(Net net, String target, int line) {
        var perAxis = new ArrayList<ReceptiveFields>();
        var steps = new ArrayList<Step>();
        for (int axis = 0; axis < net.dims(); axis++) {
            final int ax = axis;
            // The brute force needs nothing from the recurrence, so for a numeric stack it runs beside it.
            var bruteForce = numeric(net) ? java.util.concurrent.CompletableFuture.supplyAsync(() -> truth(net, ax)) : null;
            var rf = forAxis(net, axis);
            steps.addAll(StackChecks.verify(net, rf.steps, rf.claims, java.util.Set.of(),
                    (n, point) -> n == net && bruteForce != null ? bruteForce.join() : truth(n, ax)));
            perAxis.add(rf);
        }
        var rows = rows(net, perAxis);
        // After a block whose paths' strides differ the stack's output is not derived: no single value.
        Expr result = net.dims() == 1 && !perAxis.get(0).skipped ? perAxis.get(0).last().rf() : null;
        var notes = new ArrayList<String>();
        for (ReceptiveFields axis : perAxis) for (String n : axis.notes) if (!notes.contains(n)) notes.add(n);
        return new Result.Derivation(target, line, AxisSymbols.tagged(net, steps), result, rows, notes);
    }

    private static boolean numeric(Net net) {
        for (Layer layer : net.allLayers()) {
            for (AxisParams a : layer.axes()) {
                if (!(stepwise.algebra.Exprs.isClosed(a.k()) && stepwise.algebra.Exprs.isClosed(a.s()) && stepwise.algebra.Exprs.isClosed(a.d())
                        && stepwise.algebra.Exprs.isClosed(a.leftPadding()))) return false;
            }
        }
        return true;
    }

    /** The states of one axis, with steps and claims, unverified. */
    static ReceptiveFields forAxis(Net net, int axis) {
        var rf = new ReceptiveFields(net, axis);
        rf.walk(net.nodes(), INPUT);
        return rf;
    }

    /** The receptive field of the stack's output, for what-if statements; an error where a block stopped the derivation. */
    Expr outputRf(stepwise.ast.Span where) {
        if (skipped) throw new BadInput(where, "receptive_field(" + net.name() + ") has no single value: " + notes.get(notes.size() - 1));
        return last().rf();
    }

    /** The last layer or block derived (the stack's output, unless a block stopped the derivation). */
    State last() {
        State last = null;
        for (State s : states.values()) last = s;
        return last;
    }

    private static List<LayerRow> rows(Net net, List<ReceptiveFields> perAxis) {
        var rows = new ArrayList<LayerRow>();
        for (String name : perAxis.get(0).states.keySet()) {
            var rf = new ArrayList<Expr>(2);
            var rfMin = new ArrayList<Expr>(2);
            var jump = new ArrayList<Expr>(2);
            var pad = new ArrayList<Expr>(2);
            boolean varies = false;
            for (ReceptiveFields axis : perAxis) {
                State s = axis.states.get(name);
                if (s == null) continue;
                rf.add(s.rf());
                rfMin.add(s.rfMin() == null ? s.rf() : s.rfMin());
                varies |= s.rfMin() != null;
                if (s.jump() != null) jump.add(s.jump());
                if (s.pad() != null) pad.add(s.pad());
            }
            if (rf.size() < perAxis.size()) continue;
            // Loops, not streams: this runs once per layer, and a stack may have thousands.
            Boolean aligned = null;
            String reason = null;
            for (ReceptiveFields axis : perAxis) {
                Boolean a = axis.aligned.get(name);
                if (a != null) aligned = aligned == null ? a : aligned && a;
                if (reason == null) reason = axis.misaligned.get(name);
            }
            rows.add(new LayerRow(name, rf, jump, pad, List.of(), varies ? rfMin : List.of(), aligned, reason));
        }
        return rows;
    }

    private State walk(List<Net.Node> nodes, State state) {
        for (Net.Node node : nodes) {
            if (stoppedAt != null) {
                if (!skipped) notes.add(stopNote);
                skipped = true;
                return state;
            }
            state = node instanceof Net.LayerNode l ? layer(l.layer(), state) : parallel((Net.ParallelNode) node, state);
            states.put(node.name(), state);
        }
        return state;
    }

    private State layer(Layer layer, State prev) {
        if (!layer.kind().isWindowed() || prev.phases() != null) return PhaseSteps.layer(this, layer, prev, axis);
        AxisParams p = layer.axis(axis);
        String n = layer.name();
        String section = "layer " + n + axisLabel;
        Expr k = p.k(), d = p.d(), s = p.s(), pad = p.leftPadding();
        Expr rf, jump, padding;
        if (prev.isInput()) {
            rf = baseCase(section, n, k, d);
            jump = add(section, ReceptiveFieldRules.JUMP, Names.of("J", n), List.of(Names.of("s", n), s),
                    "adjacent outputs are $s$ inputs apart", Quantity.JUMP, n);
            padding = add(section, ReceptiveFieldRules.PADDING, Names.of("P", n), List.of(Names.of("p", n), pad),
                    "the first window starts $p$ inputs left of input 0", Quantity.PAD, n);
        } else {
            Expr prevJump = prev.jumpSym(); // in all three steps: named once
            Expr general = Expr.add(prev.rfSym(), new Expr.Mul(List.of(Expr.sub(Names.of("k", n), AxisParams.ONE), Names.of("d", n), prevJump)));
            Expr numbers = Expr.add(prev.rf(), new Expr.Mul(List.of(Expr.sub(k, AxisParams.ONE), d, prev.jump())));
            rf = add(section, ReceptiveFieldRules.RECURRENCE, Names.of("RF", n), List.of(general, numbers),
                    "each further tap reaches $d$ positions further, $J_{l-1}$ inputs each", Quantity.RF, n);
            jump = add(section, ReceptiveFieldRules.JUMP, Names.of("J", n),
                    List.of(new Expr.Mul(List.of(prevJump, Names.of("s", n))), new Expr.Mul(List.of(prev.jump(), s))),
                    "$s$ positions below are $s J_{l-1}$ inputs", Quantity.JUMP, n);
            padding = add(section, ReceptiveFieldRules.PADDING, Names.of("P", n),
                    List.of(Expr.add(prev.padSym(), new Expr.Mul(List.of(Names.of("p", n), prevJump))),
                            Expr.add(prev.pad(), new Expr.Mul(List.of(pad, prev.jump())))),
                    "$p$ padded positions below are $p J_{l-1}$ inputs", Quantity.PAD, n);
        }
        return new State(n, rf, jump, padding);
    }

    private Expr baseCase(String section, String n, Expr k, Expr d) {
        if (d instanceof Expr.Num one && one.value().equals(stepwise.ast.Rational.ONE)) {
            return add(section, ReceptiveFieldRules.BASE, Names.of("RF", n), List.of(Names.of("k", n), k),
                    "the first layer reads $k$ adjacent inputs", Quantity.RF, n);
        }
        Expr general = Expr.add(new Expr.Mul(List.of(Names.of("d", n), Expr.sub(Names.of("k", n), AxisParams.ONE))), AxisParams.ONE);
        Expr numbers = Expr.add(new Expr.Mul(List.of(d, Expr.sub(k, AxisParams.ONE))), AxisParams.ONE);
        return add(section, ReceptiveFieldRules.BASE, Names.of("RF", n), List.of(general, numbers),
                "the first layer reads $k$ inputs spaced $d$ apart", Quantity.RF, n);
    }

    private State parallel(Net.ParallelNode block, State prev) {
        var ends = new ArrayList<State>();
        for (var path : block.paths()) {
            ends.add(walk(path, prev));
            if (stoppedAt != null) return ends.get(ends.size() - 1);
        }
        if (ends.stream().anyMatch(e -> !Algebra.isExact(e.rf()) || !Algebra.isExact(e.jump()) || !Algebra.isExact(e.pad()))) {
            throw new BadInput(block.span(), "parallel block '" + block.name() + "' needs numeric layer parameters");
        }
        var jumps = ends.stream().map(e -> Algebra.expandOrKeep(e.jump())).distinct().toList();
        if (jumps.size() > 1) return Alignment.differentStrides(this, block, ends, jumps);
        if (ends.stream().anyMatch(e -> e.phases() != null)) return PhaseSteps.parallel(this, block, ends, axis);
        String n = block.name();
        String section = "block " + n + axisLabel;
        Expr padGeneral = new Expr.Fn("max", ends.stream().map(State::padSym).toList());
        Expr padNumbers = new Expr.Fn("max", ends.stream().map(State::pad).toList());
        Expr pad = add(section, ReceptiveFieldRules.PARALLEL, Names.of("P", n), List.of(padGeneral, padNumbers),
                "the block's window starts where its leftmost path's does", Quantity.PAD, n);
        Expr rfGeneral = Expr.add(new Expr.Fn("max", ends.stream().map(e -> Expr.sub(e.rfSym(), e.padSym())).toList()), Names.of("P", n));
        Expr rfNumbers = Expr.add(new Expr.Fn("max", ends.stream().map(e -> Expr.sub(e.rf(), e.pad())).toList()), pad);
        Expr rf = add(section, ReceptiveFieldRules.PARALLEL, Names.of("RF", n), List.of(rfGeneral, rfNumbers),
                "the union of the paths' windows", Quantity.RF, n);
        Alignment.affine(this, block, ends);
        return new State(n, rf, ends.get(0).jump(), pad);
    }

    String axisLabel() { return axisLabel; }

    /** Stops the derivation after a block whose paths have no common grid, saying so. */
    void stop(String block, String note) {
        stoppedAt = block;
        stopNote = note;
    }

    private static String key(Quantity q, String node) {
        return (q == Quantity.RF ? "RF_" : q == Quantity.JUMP ? "J_" : "P_") + node;
    }

    /** Records a step whose chain ends in the simplified value, and the claim the checker must confirm under {@code key}. */
    Expr add(String section, String ruleId, Expr subject, List<Expr> chain, String why, String key) {
        Expr value = Algebra.expandOrKeep(chain.get(chain.size() - 1));
        var links = new ArrayList<>(chain);
        if (!links.get(links.size() - 1).equals(value)) links.add(value);
        claims.add(new StackChecks.Claim(steps.size(), key, value));
        steps.add(new Step(section, ruleId, subject, links, why, null));
        return value;
    }

    /** A further claim on the step just recorded (such as a block's alignment), checked with it. */
    void alsoClaim(String key, Expr value) {
        claims.add(new StackChecks.Claim(steps.size() - 1, key, value));
    }

    /** Records a step whose chain ends in the simplified value, and the claim the checker must confirm. */
    private Expr add(String section, stepwise.rules.Rule rule, Expr subject, List<Expr> chain, String why, Quantity q, String node) {
        Expr value = Algebra.expandOrKeep(chain.get(chain.size() - 1));
        var links = new ArrayList<>(chain);
        if (!links.get(links.size() - 1).equals(value)) links.add(value);
        // A symbol name such as k_H1 equal to its own value needs no second link.
        claims.add(new StackChecks.Claim(steps.size(), key(q, node), value));
        steps.add(new Step(section, rule.id(), subject, links, why, null));
        return value;
    }
}
