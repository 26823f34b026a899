package stepwise.serve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.StackItem;
import stepwise.ast.Statement;
import stepwise.model.Family;
import stepwise.result.LayerRow;
import stepwise.result.Result;

/**
 * The sliders a result offers: a sweep's parameter, and every plain free symbol of a derived result
 * (a layer's {@code k}, {@code s}, {@code d}: whole numbers; a distribution's parameters: their
 * family's domain). A closed form over a stack of symbolic depth, a solve and a check offer none.
 */
final class Knobs {
    private Knobs() {}

    /** Layer parameters are whole numbers; the sliders run this far unless the file asks for more. */
    static final int WHOLE_MAX = 16;

    static List<Knob> of(Statement s, Result r, List<Statement> before) {
        if (s instanceof Statement.Sweep w && r instanceof Result.Sweep) {
            if (w.target().function().equals("KL")) return w.axes().stream().map(a -> symbolKnob(a.param().param(), before)).toList();
            return w.axes().stream().map(Knobs::sweepKnob).toList();
        }
        if (!(s instanceof Statement.Derive d) || !(r instanceof Result.Derivation result)) return List.of();
        return switch (d.target().function()) {
            case "receptive_field", "output_size" -> stackKnobs(d, result, before);
            case "KL" -> distributionKnobs(result, before);
            default -> List.of();
        };
    }

    /** A slider per swept parameter, from the parameter's least value, starting at the first value swept. */
    private static Knob sweepKnob(Statement.SweepAxis w) {
        int min = lowest(w.param().param());
        int max = WHOLE_MAX, initial = min;
        var values = w.values().list() != null ? w.values().list() : List.of(w.values().lo(), w.values().hi());
        for (int i = 0; i < values.size(); i++) {
            Integer v = whole(values.get(i));
            if (v == null) continue;
            max = Math.max(max, v);
            if (i == 0) initial = Math.max(min, v);
        }
        return Knob.whole(w.param().text(), w.param().text(), min, max, initial);
    }

    private static List<Knob> stackKnobs(Statement.Derive d, Result.Derivation result, List<Statement> before) {
        if (!(d.target().args().get(0).value() instanceof Expr.Sym stackName)) return List.of();
        Statement.StackDecl stack = before.stream().filter(b -> b instanceof Statement.StackDecl sd && sd.name().equals(stackName.name()))
                .map(b -> (Statement.StackDecl) b).reduce((a, b) -> b).orElse(null);
        if (stack == null || stepwise.model.StackBuilder.general(stack) != null) return List.of();
        var knobs = new ArrayList<Knob>();
        for (String sym : freeSymbols(result)) {
            String param = paramOf(sym, d, stack);
            String label = sym;
            for (var a : d.where()) {
                if (a.ref().layer() != null && Exprs.freeSymbols(a.value()).contains(sym)) label = sym + " (" + a.ref().text() + ")";
            }
            int min = lowest(param);
            knobs.add(Knob.whole(sym, label, min, WHOLE_MAX, Math.max(min, 1)));
        }
        return knobs;
    }

    private static List<Knob> distributionKnobs(Result.Derivation result, List<Statement> before) {
        var knobs = new ArrayList<Knob>();
        for (String sym : freeSymbols(result)) {
            if (domainOf(sym, before) != null) knobs.add(symbolKnob(sym, before));
        }
        return knobs;
    }

    /** A slider for a symbol of the distributions' parameters, within its family's domain (any real when no family bounds it). */
    private static Knob symbolKnob(String sym, List<Statement> before) {
        Family.Domain domain = domainOf(sym, before);
        return switch (domain == null ? Family.Domain.REAL : domain) {
            case REAL -> Knob.real(sym, sym);
            case POSITIVE -> Knob.positive(sym, sym);
            case PROBABILITY -> Knob.probability(sym, sym);
        };
    }

    /** Plain symbols of the result and the layer table; indexed symbols (a closed form's k[l]) have no slider. */
    private static Set<String> freeSymbols(Result.Derivation d) {
        var all = new LinkedHashSet<String>();
        if (d.result() != null) all.addAll(Exprs.freeSymbols(d.result()));
        for (LayerRow row : d.layers()) {
            for (var list : List.of(row.rf(), row.stride(), row.padding(), row.size())) list.forEach(e -> all.addAll(Exprs.freeSymbols(e)));
        }
        all.removeIf(name -> name.contains("[") || name.equals("z") || name.equals("infinity"));
        return all;
    }

    /** The layer parameter a symbol stands for: from a where clause, a layer's arguments, or the input length n. */
    private static String paramOf(String sym, Statement.Derive d, Statement.StackDecl stack) {
        for (var a : d.where()) if (Exprs.freeSymbols(a.value()).contains(sym)) return a.ref().param();
        String found = paramIn(stack.items(), sym);
        return found != null ? found : "n";
    }

    private static String paramIn(List<StackItem> items, String sym) {
        for (StackItem item : items) {
            if (item instanceof StackItem.LayerCall call) {
                for (var arg : call.params()) {
                    for (Expr v : arg.values()) if (Exprs.freeSymbols(v).contains(sym)) return arg.name();
                }
            } else if (item instanceof StackItem.Repeat rep) {
                String inner = paramIn(rep.body(), sym);
                if (inner != null) return inner;
            } else if (item instanceof StackItem.Parallel par) {
                for (var path : par.paths()) {
                    String inner = paramIn(path, sym);
                    if (inner != null) return inner;
                }
            }
        }
        return null;
    }

    /** Padding and output padding may be zero; kernels, strides, dilations, factors and lengths start at one. */
    private static int lowest(String param) {
        return "p".equals(param) || "op".equals(param) ? 0 : 1;
    }

    private static Family.Domain domainOf(String sym, List<Statement> before) {
        Family.Domain found = null;
        for (Statement s : before) {
            if (!(s instanceof Statement.DistDecl dist) || dist.index() != null) continue;
            var family = Family.of(dist.family());
            if (family.isEmpty()) continue;
            for (int i = 0; i < dist.params().size() && i < family.get().domains.size(); i++) {
                if (!Exprs.freeSymbols(dist.params().get(i)).contains(sym)) continue;
                Family.Domain here = family.get().domains.get(i);
                // A symbol that is a scale in one place and a location in another keeps the narrower domain.
                if (found == null || found == Family.Domain.REAL) found = here;
            }
        }
        return found;
    }

    private static Integer whole(Expr e) {
        if (e instanceof Expr.Num n && n.value().isInteger() && n.value().num().bitLength() < 31) return n.value().num().intValue();
        return null;
    }
}
