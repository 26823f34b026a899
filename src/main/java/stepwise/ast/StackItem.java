package stepwise.ast;

import java.util.List;

/** An entry of a stack block as written: a layer call, a repeat block or a parallel block. */
public sealed interface StackItem {
    Span span();

    /** {@code name = kind(k=.., s=..)}; name may be null. Parameters are checked later, by {@code model}. */
    record LayerCall(Span span, String name, Span kindSpan, String kind, List<Statement.Arg> params) implements StackItem {
        public LayerCall { params = List.copyOf(params); }
    }

    record Repeat(Span span, String var, Expr lo, Expr hi, List<StackItem> body) implements StackItem {
        public Repeat { body = List.copyOf(body); }
    }

    /** {@code name = parallel { path {..} path {..} }}: the paths see one input; an empty path is the identity. */
    record Parallel(Span span, String name, List<List<StackItem>> paths) implements StackItem {
        public Parallel { paths = paths.stream().map(List::copyOf).toList(); }
    }
}
