package stepwise.ast;

import java.util.List;

/** One top-level statement of a {@code .deriv} file, with the place it was written. */
public sealed interface Statement {
    Span span();

    record Title(Span span, String text) implements Statement {}

    record Prose(Span span, String text) implements Statement {}

    /** A stack; {@code notes} (from a pasted PyTorch model: where its receptive field ends, what was assumed) go with its derivations. */
    record StackDecl(Span span, String name, int dims, List<StackItem> items, List<String> notes) implements Statement {
        public StackDecl(Span span, String name, int dims, List<StackItem> items) { this(span, name, dims, items, List.of()); }

        public StackDecl {
            items = List.copyOf(items);
            notes = List.copyOf(notes);
            if (dims != 1 && dims != 2) throw new IllegalArgumentException("a stack has 1 or 2 axes, got " + dims);
        }
    }

    /** {@code dist q(z) = Family(params) [for j = lo..hi]}. */
    record DistDecl(Span span, String name, String variable, String family, List<Expr> params, IndexRange index)
            implements Statement {
        public DistDecl { params = List.copyOf(params); }
    }

    /** {@code let X = [[1, 2], [3, 4]]}, with the place of each row for error messages. */
    record LetDecl(Span span, String name, List<List<Expr>> rows, List<Span> rowSpans) implements Statement {
        public LetDecl {
            rows = rows.stream().map(List::copyOf).toList();
            rowSpans = List.copyOf(rowSpans);
        }
    }

    /** {@code let K_2 = 3, S_1 = 2}: named numbers, usable by checks and derivations. */
    record NumberDecl(Span span, List<NamedNumber> numbers) implements Statement {
        public NumberDecl {
            numbers = List.copyOf(numbers);
            if (numbers.isEmpty()) throw new IllegalArgumentException("let needs at least one name = value");
        }
    }

    /** One {@code name = value} of a {@code let}. */
    record NamedNumber(Span span, String name, Expr value) {}

    record Derive(Span span, Target target, List<Assignment> where) implements Statement {
        public Derive { where = List.copyOf(where); }
    }

    /**
     * {@code sweep T over A = 1..4[, B = [1, 2]]}: the axes as written, in order (the parser keeps
     * every one; the derivation says how many it takes).
     */
    record Sweep(Span span, Target target, List<SweepAxis> axes, List<Assignment> where) implements Statement {
        public Sweep {
            axes = List.copyOf(axes);
            where = List.copyOf(where);
            if (axes.isEmpty()) throw new IllegalArgumentException("a sweep needs a parameter");
        }

        /** The first parameter: the rows of the table, the x axis of the plot. */
        public ParamRef param() { return axes.get(0).param(); }

        /** The parameters as written, {@code H3.d, H1.s}. */
        public String paramsText() { return String.join(", ", axes.stream().map(a -> a.param().text()).toList()); }
    }

    /** One swept parameter and its values, {@code H3.d = 1..4}; the span covers the values. */
    record SweepAxis(ParamRef param, SweepValues values, Span valuesSpan) {}

    record Solve(Span span, Target target, Relation relation, Expr bound, ParamRef param, List<Assignment> where)
            implements Statement {
        public Solve { where = List.copyOf(where); }
    }

    /** A hand derivation to verify: a chain of relations, or LaTeX text to read. */
    record Check(Span span, String name, List<String> given, List<ChainLink> chain, String latex, Span bodySpan)
            implements Statement {
        public Check { given = List.copyOf(given); chain = chain == null ? null : List.copyOf(chain); }
    }

    /** An index range such as {@code j = 1..J}. */
    record IndexRange(String var, Expr lo, Expr hi) {}

    /** One argument of a call target: positional or named, one value or a pair (one per axis). */
    record Arg(Span span, String name, List<Expr> values, List<Span> valueSpans) {
        public Arg {
            values = List.copyOf(values);
            valueSpans = List.copyOf(valueSpans);
            if (valueSpans.size() != values.size()) throw new IllegalArgumentException("one span per value");
        }

        public Arg(Span span, String name, List<Expr> values) { this(span, name, values, values.stream().map(v -> span).toList()); }

        public Expr value() { return values.get(0); }
    }

    /** A derivation target as written, e.g. {@code output_size(Q1, n=64)}. */
    record Target(Span span, String function, List<Arg> args, String text) {
        public Target { args = List.copyOf(args); }
    }

    /** {@code H3.d}: a parameter of a named layer, or a bare symbol when {@code layer} is null. */
    record ParamRef(Span span, String layer, String param) {
        public String text() { return layer == null ? param : layer + "." + param; }
    }

    record Assignment(Span span, ParamRef ref, Expr value) {}

    /** Either a range {@code lo..hi} or a list of values. */
    record SweepValues(Expr lo, Expr hi, List<Expr> list) {}

    /** One link of a checked chain: the relation to the previous expression (null for the first). */
    record ChainLink(Span span, Relation relation, Expr expr) {}

    enum Relation {
        EQ("="), LT("<"), LE("<="), GT(">"), GE(">="),
        /** {@code \approx}: equal to within a tolerance the checker states; as a comparison, only exact equality. */
        APPROX("≈");
        public final String symbol;
        Relation(String symbol) { this.symbol = symbol; }
        public static Relation of(String s) {
            for (Relation r : values()) if (r.symbol.equals(s)) return r;
            throw new IllegalArgumentException("unknown relation " + s);
        }

        /** Whether a comparison's outcome (negative, zero, positive, as compareTo gives) satisfies this relation. */
        public boolean holds(int comparison) {
            return switch (this) {
                case EQ, APPROX -> comparison == 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }
    }
}
