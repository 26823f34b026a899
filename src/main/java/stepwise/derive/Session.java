package stepwise.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import stepwise.ast.Expr;
import stepwise.ast.Span;
import stepwise.ast.Statement;
import stepwise.ast.Statement.Target;
import stepwise.diag.BadInput;
import stepwise.model.StackBuilder;
import stepwise.result.Result;

/** Runs a file's statements in order, remembering what each declares for the ones after it. */
public final class Session {
    private final Map<String, Statement.StackDecl> stacks = new HashMap<>();
    /**
     * Each stack as built at its declaration, reused by derivations without a where clause. By identity:
     * a record's hash walks every layer, which for 10,000 layers cost a quarter of the run.
     */
    private final Map<Statement.StackDecl, stepwise.model.Net> nets = new java.util.IdentityHashMap<>();
    private final List<Result> results = new ArrayList<>();
    private final Map<String, Expr.Matrix> matrices = new java.util.LinkedHashMap<>();
    private final Map<String, Span> matrixLines = new HashMap<>();
    private final Map<String, stepwise.model.Distribution> dists = new java.util.LinkedHashMap<>();
    private final Map<String, Span> distLines = new HashMap<>();
    /** What hand derivations may use: the distributions, and numbers named so far. */
    private final stepwise.handcheck.Givens givens = new stepwise.handcheck.Givens(dists);
    private final Map<String, stepwise.ast.Rational> numbers = new java.util.LinkedHashMap<>();
    private final Map<String, Span> numberLines = new HashMap<>();

    /** The statements that could not run, in file order; each stops only itself. */
    private final List<stepwise.diag.Diagnostic> errors = new ArrayList<>();
    /** Stacks whose declaration has an error: statements that use them are not run, and say so. */
    private final Map<String, Span> brokenStacks = new HashMap<>();

    public List<Result> run(List<Statement> statements) {
        // Symja takes about a second to start: begin now if anything ahead will need it.
        if (AlgebraAhead.needed(statements)) stepwise.cas.Cas.prewarm();
        for (Statement s : statements) {
            try {
                results.addAll(run(s));
            } catch (BadInput e) {
                errors.addAll(e.all());
            }
        }
        return results;
    }

    /** The errors of the statements run so far, one per statement that could not run. */
    public List<stepwise.diag.Diagnostic> errors() { return List.copyOf(errors); }

    private List<Result> run(Statement s) {
        if (s instanceof Statement.Title t) return List.of(new Result.Title(t.text()));
        if (s instanceof Statement.Prose p) return List.of(new Result.Prose(p.text()));
        if (s instanceof Statement.StackDecl d) return declare(d);
        if (s instanceof Statement.LetDecl let) return let(let);
        if (s instanceof Statement.NumberDecl n) return numbers(n);
        if (s instanceof Statement.DistDecl dist) return dist(dist);
        if (s instanceof Statement.Derive d) return List.of(derive(d));
        if (s instanceof Statement.Sweep w && w.target().function().equals("KL")) return List.of(WhatIfSweep.kl(w, dists));
        if (s instanceof Statement.Sweep w) return List.of(WhatIfSweep.sweep(w, stackOf(w.target())));
        if (s instanceof Statement.Solve v) return List.of(WhatIf.solve(v, stackOf(v.target())));
        return check((Statement.Check) s);
    }

    private List<Result> check(Statement.Check c) {
        for (String name : c.given()) {
            if (!dists.containsKey(name)) throw new BadInput(c.span(), "'given " + name + "': no distribution named '" + name + "' is declared before this check");
        }
        if (c.chain() != null) {
            if (c.chain().size() < 2) throw new BadInput(c.span(), "a check needs at least two lines: an expression and what it equals");
            return List.of(stepwise.handcheck.HandChecks.check(c.name(), c.span().line(), c.chain(), givens));
        }
        // A check block is written for stepwise: a row it cannot read is an error in the file, located.
        var chains = stepwise.syntax.LatexSyntax.chains(c.latex(), c.bodySpan().line(), c.bodySpan().column(), declared());
        if (chains.isEmpty()) throw new BadInput(c.bodySpan(), "no relation to check: write lines such as a &= b \\\\ &= c");
        return checks(c.name(), c.span().line(), chains);
    }

    /** One report for each row of LaTeX that could not be read, at its line, with the reason. */
    public static List<Result> unreadable(String name, List<stepwise.syntax.LatexSyntax.Unread> unread) {
        return unread.stream().<Result>map(u -> Result.CheckReport.unreadable(name, u.span().line(),
                "line " + u.span().line() + ", column " + u.span().column() + ": " + u.reason())).toList();
    }

    /** What reading LaTeX needs to know of the declarations so far. */
    public stepwise.syntax.LatexSyntax.Declared declared() {
        var variables = new java.util.LinkedHashMap<String, String>();
        var indexed = new java.util.HashSet<String>();
        var ranges = new HashMap<String, Statement.IndexRange>();
        var names = new java.util.HashSet<>(numbers.keySet());
        for (var d : dists.values()) {
            variables.put(d.name(), d.variable());
            names.add(d.variable());
            for (Expr p : d.params()) {
                for (String s : stepwise.algebra.Exprs.freeSymbols(p)) if (!s.endsWith("[]")) names.add(s);
                collectIndexed(p, indexed);
            }
            if (d.index() != null) ranges.put(d.index().var(), d.index());
        }
        names.addAll(indexed);
        return new stepwise.syntax.LatexSyntax.Declared(variables, indexed, ranges, names);
    }

    private static void collectIndexed(Expr e, java.util.Set<String> out) {
        if (e instanceof Expr.Indexed ix) out.add(ix.name());
        for (Expr c : stepwise.algebra.Exprs.children(e)) collectIndexed(c, out);
    }

    /** One report per chain of relations; a second chain of the same block is named "(2)". */
    public List<Result> checks(String name, int line, List<List<Statement.ChainLink>> chains) {
        var out = new ArrayList<Result>();
        for (int i = 0; i < chains.size(); i++) {
            String label = chains.size() == 1 ? name : (name == null ? "" : name + " ") + "(" + (i + 1) + ")";
            out.add(stepwise.handcheck.HandChecks.check(label, i == 0 ? line : chains.get(i).get(0).span().line(), chains.get(i), givens));
        }
        return out;
    }

    /** The distributions declared so far, by name. */
    public Map<String, stepwise.model.Distribution> distributions() { return dists; }

    private List<Result> dist(Statement.DistDecl d) {
        Span first = distLines.putIfAbsent(d.name(), d.span());
        if (first != null) throw new BadInput(d.span(), "distribution " + d.name() + " is declared twice (first at line " + first.line() + ")");
        dists.put(d.name(), KlTargets.declare(d, dists.values()));
        return List.of();
    }

    /** The named numbers declared so far ({@code let K_2 = 3}), in order of declaration. */
    public Map<String, stepwise.ast.Rational> numbers() { return java.util.Collections.unmodifiableMap(numbers); }

    private List<Result> numbers(Statement.NumberDecl decl) {
        for (var n : decl.numbers()) {
            Span first = numberLines.putIfAbsent(n.name(), n.span());
            if (first != null) throw new BadInput(n.span(), n.name() + " is declared twice (first at line " + first.line() + ")");
            try {
                // A value may use the numbers declared before it: let S = K - 1.
                numbers.put(n.name(), stepwise.algebra.Exact.eval(n.value(), numbers));
                givens.name(n.name(), numbers.get(n.name()), n.span().line());
            } catch (RuntimeException notANumber) {
                throw new BadInput(n.span(), "let " + n.name() + ": the value must be a number, got " + stepwise.ast.Infix.print(n.value()));
            }
        }
        return List.of();
    }

    private List<Result> let(Statement.LetDecl let) {
        Span first = matrixLines.putIfAbsent(let.name(), let.span());
        if (first != null) throw new BadInput(let.span(), "matrix " + let.name() + " is declared twice (first at line " + first.line() + ")");
        matrices.put(let.name(), ConvTargets.declare(let));
        return List.of();
    }

    private List<Result> declare(Statement.StackDecl d) {
        if (stacks.containsKey(d.name())) {
            throw new BadInput(d.span(), "stack " + d.name() + " is declared twice (first at line " + stacks.get(d.name()).span().line() + ")");
        }
        stacks.put(d.name(), d);
        try {
            if (StackBuilder.general(d) == null) nets.put(d, StackBuilder.net(d, List.of())); // bad layers are reported here
        } catch (BadInput e) {
            brokenStacks.put(d.name(), e.diagnostic().span());
            throw e;
        }
        return List.of();
    }

    private Result derive(Statement.Derive d) {
        Result r = deriveTarget(d);
        // The target keeps its where clause, so the heading and the JSON say what was assumed.
        if (d.where().isEmpty() || !(r instanceof Result.Derivation x)) return r;
        return new Result.Derivation(WhatIf.withWhere(x.target(), d.where()), x.line(), x.steps(), x.result(), x.layers(), x.notes());
    }

    private Result deriveTarget(Statement.Derive d) {
        Target t = d.target();
        Result r = derived(d, t);
        if (!(r instanceof Result.Derivation dv) || !t.function().matches("receptive_field|output_size")) return r;
        var notes = stackOf(t).notes();
        if (notes.isEmpty()) return r;
        var all = new ArrayList<>(notes);
        all.addAll(dv.notes());
        return new Result.Derivation(dv.target(), dv.line(), dv.steps(), dv.result(), dv.layers(), all);
    }

    private Result derived(Statement.Derive d, Target t) {
        return switch (t.function()) {
            case "receptive_field" -> receptiveField(d);
            case "output_size" -> OutputSizes.derive(net(stackOf(t), d.where()), t, d.span().line(), lengthArg(t));
            case "conv", "conv_transpose" -> ConvTargets.derive(d, matrices);
            case "KL" -> KlTargets.derive(d, dists);
            default -> throw new BadInput(t.span(), "unknown derivation '" + t.function()
                    + "'; derivations are receptive_field, output_size, KL, conv, conv_transpose");
        };
    }

    private Result receptiveField(Statement.Derive d) {
        Target t = d.target();
        var stack = stackOf(t);
        checkArgs(t, 2);
        if (StackBuilder.general(stack) != null) {
            if (!d.where().isEmpty()) throw new BadInput(d.where().get(0).span(), "'where' needs a stack of numeric depth");
            if (t.args().size() > 1) throw new BadInput(t.args().get(1).span(), "the closed form holds for every input length: write receptive_field(" + stack.name() + ")");
            return ClosedForm.derive(StackBuilder.generalStack(stack), t.text(), d.span().line());
        }
        var net = net(stack, d.where());
        var notes = new ArrayList<String>();
        if (t.args().size() > 1) {
            net = TfSame.resolve(net, inputLengths(t, net.dims()), notes);
        } else {
            for (var layer : net.allLayers()) {
                if (TfSame.strided(layer)) {
                    throw new BadInput(layer.span(), "'" + layer.name() + "' pads 'same' at a stride above 1: TensorFlow's padding then depends on the"
                            + " input length; derive receptive_field(" + stack.name() + ", n=224) with the length");
                }
            }
        }
        var derived = ReceptiveFields.derive(net, t.text(), d.span().line());
        if (notes.isEmpty()) return derived;
        notes.addAll(derived.notes());
        return new Result.Derivation(derived.target(), derived.line(), derived.steps(), derived.result(), derived.layers(), notes);
    }

    /** The input length given as n=... (one per axis), as whole numbers. */
    private static List<Long> inputLengths(Target t, int dims) {
        var values = lengthArg(t);
        var out = new ArrayList<Long>();
        for (int a = 0; a < dims; a++) {
            Expr n = values.get(Math.min(a, values.size() - 1));
            try {
                var r = stepwise.algebra.Exact.eval(n, Map.of());
                if (!r.isInteger() || r.signum() <= 0) throw new BadInput(t.args().get(1).span(), "the input length must be a positive whole number, got " + r);
                out.add(r.num().longValueExact());
            } catch (stepwise.algebra.Exact.NotExact e) {
                throw new BadInput(t.args().get(1).span(), "receptive_field takes a numeric input length here");
            }
        }
        return out;
    }

    private stepwise.model.Net net(Statement.StackDecl stack, List<Statement.Assignment> where) {
        return where.isEmpty() && nets.containsKey(stack) ? nets.get(stack) : StackBuilder.net(stack, where);
    }

    /** The stack named by a target's first argument. */
    Statement.StackDecl stackOf(Target t) {
        if (t.args().isEmpty() || t.args().get(0).name() != null || !(t.args().get(0).value() instanceof Expr.Sym s)) {
            throw new BadInput(t.span(), t.function() + " needs a stack: " + t.function() + "(S" + (t.function().equals("output_size") ? ", n=64)" : ")"));
        }
        var stack = stacks.get(s.name());
        if (brokenStacks.containsKey(s.name())) {
            throw new BadInput(t.args().get(0).span(), "stack " + s.name() + " has an error (line " + brokenStacks.get(s.name()).line()
                    + "), so " + t.function() + "(" + s.name() + ") is not derived");
        }
        if (stack == null) {
            throw new BadInput(t.args().get(0).span(), "no stack named '" + s.name() + "'"
                    + (stacks.isEmpty() ? "; declare it first with stack " + s.name() + " { ... }" : "; stacks are " + String.join(", ", stacks.keySet())));
        }
        return stack;
    }

    private static void checkArgs(Target t, int count) {
        if (t.args().size() > count) {
            var extra = t.args().get(count);
            throw new BadInput(extra.span(), t.function() + " takes " + count + " argument" + (count == 1 ? "" : "s"));
        }
    }

    static List<Expr> lengthArg(Target t) {
        for (var a : t.args().subList(1, t.args().size())) {
            if (!"n".equals(a.name())) throw new BadInput(a.span(), "output_size takes the input length as n=...; got '" + a.name() + "'");
            return a.values();
        }
        throw new BadInput(t.span(), "output_size needs the input length: " + t.function() + "(S, n=64)");
    }

}
