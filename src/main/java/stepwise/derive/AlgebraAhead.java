package stepwise.derive;

import java.util.List;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.StackItem;
import stepwise.ast.Statement;

/** Whether a file will need Symja: distributions, or symbols in layers, matrices or what-if values. */
final class AlgebraAhead {
    private AlgebraAhead() {}

    static boolean needed(List<Statement> statements) {
        return statements.stream().anyMatch(AlgebraAhead::needs);
    }

    private static boolean needs(Statement s) {
        if (s instanceof Statement.DistDecl) return true;
        if (s instanceof Statement.LetDecl let) return let.rows().stream().flatMap(List::stream).anyMatch(AlgebraAhead::symbolic);
        if (s instanceof Statement.StackDecl stack) return anySymbolic(stack.items(), java.util.Map.of());
        if (s instanceof Statement.Derive d) return d.where().stream().anyMatch(a -> symbolic(a.value()));
        if (s instanceof Statement.Sweep w) {
            return w.where().stream().anyMatch(a -> symbolic(a.value()))
                    || w.axes().stream().anyMatch(a -> a.values().list() != null && a.values().list().stream().anyMatch(AlgebraAhead::symbolic));
        }
        return false;
    }

    private static boolean symbolic(Expr e) {
        if (e instanceof Expr.Sym s && (s.name().equals("same") || s.name().equals("valid"))) return false;
        return !Exprs.isClosed(e);
    }

    /**
     * Whether a parameter value written in a stack has symbols, looking into repeat and parallel
     * blocks (a repeat's own index aside: it stands for 1 here). Loops rather than streams: a stack
     * may have thousands of layers.
     */
    private static boolean anySymbolic(List<StackItem> items, java.util.Map<String, Expr> indices) {
        for (StackItem item : items) {
            if (item instanceof StackItem.LayerCall call) {
                for (var param : call.params()) {
                    for (Expr v : param.values()) if (symbolic(indices.isEmpty() ? v : Exprs.substitute(v, indices))) return true;
                }
            } else if (item instanceof StackItem.Parallel p) {
                for (var path : p.paths()) if (anySymbolic(path, indices)) return true;
            } else {
                var r = (StackItem.Repeat) item;
                if (!Exprs.isClosed(r.hi())) continue;
                var inner = new java.util.HashMap<>(indices);
                inner.put(r.var(), Expr.num(1));
                if (anySymbolic(r.body(), inner)) return true;
            }
        }
        return false;
    }
}
