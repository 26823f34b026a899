package stepwise.derive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.model.Net;
import stepwise.result.Step;

/**
 * The two axes of a 2-D stack are derived one after the other with the same names (RF_c1, k_c1, n).
 * When the axes differ, the same name would be given two values (RF_c1 = 3, then RF_c1 = 5), so every
 * derived quantity is tagged with its axis: {@code RF_c1^(h)} and {@code RF_c1^(w)}, printed as a
 * superscript. When both axes read alike the names are left as they are, and the printers say
 * "both axes" once.
 */
final class AxisSymbols {
    private AxisSymbols() {}

    static final String HEIGHT = ", height", WIDTH = ", width";
    private static final List<String> QUANTITIES = List.of("RF", "RFmin", "J", "P", "k", "s", "d", "p", "f", "op", "n");

    /** The steps as derived, or with every derived quantity tagged by its axis when the axes differ. */
    static List<Step> tagged(Net net, List<Step> steps) {
        if (net.dims() != 2 || alike(steps)) return steps;
        Set<String> derived = derivedNames(net);
        var out = new ArrayList<Step>(steps.size());
        for (Step s : steps) {
            String axis = s.section() == null ? null : s.section().endsWith(HEIGHT) ? "h" : s.section().endsWith(WIDTH) ? "w" : null;
            if (axis == null) {
                out.add(s);
                continue;
            }
            var chain = s.chain().stream().map(e -> tag(e, derived, axis)).toList();
            Expr subject = s.subject() == null ? null : tag(s.subject(), derived, axis);
            var c = s.condition();
            var condition = c == null ? null : new stepwise.result.Condition(c.words(), tag(c.left(), derived, axis), c.relation(), tag(c.right(), derived, axis));
            out.add(new Step(s.section(), s.rule(), subject, chain, s.justification(), s.verification(), condition));
        }
        return out;
    }

    /** A tagged name: {@code RF_c1} on the height axis is {@code RF_c1^(h)}. */
    static String name(String name, String axis) { return name + "^(" + axis + ")"; }

    private static Expr tag(Expr e, Set<String> derived, String axis) {
        if (e instanceof Expr.Sym sym) return derived.contains(sym.name()) ? new Expr.Sym(name(sym.name(), axis)) : sym;
        return Exprs.map(e, c -> tag(c, derived, axis));
    }

    /** Whether each height section has a width section with the same expressions, in the same order. */
    private static boolean alike(List<Step> steps) {
        var height = steps.stream().filter(s -> s.section() != null && s.section().endsWith(HEIGHT)).toList();
        var width = steps.stream().filter(s -> s.section() != null && s.section().endsWith(WIDTH)).toList();
        if (height.size() != width.size()) return false;
        for (int i = 0; i < height.size(); i++) {
            Step a = height.get(i), b = width.get(i);
            if (!Objects.equals(a.subject(), b.subject()) || !a.chain().equals(b.chain())) return false;
        }
        return true;
    }

    /** The names derivations give to layer quantities, the input's included; a user's own symbols are not among them. */
    private static Set<String> derivedNames(Net net) {
        var out = new HashSet<String>(List.of("RF_0", "J_0", "P_0", "n"));
        var names = new ArrayList<String>();
        collect(net.nodes(), names);
        for (String layer : names) for (String q : QUANTITIES) out.add(q + "_" + layer);
        return out;
    }

    private static void collect(List<Net.Node> nodes, List<String> out) {
        for (Net.Node node : nodes) {
            out.add(node.name());
            if (node instanceof Net.ParallelNode p) for (var path : p.paths()) collect(path, out);
        }
    }
}
