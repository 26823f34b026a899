package stepwise.derive;

import java.util.List;
import java.util.stream.Stream;
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
        if (s instanceof Statement.StackDecl stack) return StackBuilderView.values(stack.items()).anyMatch(AlgebraAhead::symbolic);
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

    /** The parameter values written in a stack, looking into repeat and parallel blocks (a repeat's own index aside). */
    private static final class StackBuilderView {
        static Stream<Expr> values(List<StackItem> items) {
            return items.stream().flatMap(item -> {
                if (item instanceof StackItem.LayerCall call) return call.params().stream().flatMap(a -> a.values().stream());
                if (item instanceof StackItem.Parallel p) return p.paths().stream().flatMap(StackBuilderView::values);
                var r = (StackItem.Repeat) item;
                return Exprs.isClosed(r.hi()) ? values(r.body()).map(v -> Exprs.substitute(v, java.util.Map.of(r.var(), Expr.num(1)))) : Stream.empty();
            });
        }
    }
}
