package stepwise.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Span;
import stepwise.ast.Statement.ChainLink;
import stepwise.ast.Statement.IndexRange;
import stepwise.ast.Statement.Relation;
import stepwise.diag.BadInput;
import stepwise.syntax.gen.LatexParser.*;

/**
 * Gives a parsed row of LaTeX the meaning a reader gives it.
 * <ul>
 * <li>Juxtaposition, {@code \cdot} and {@code \times} multiply; a slash divides what came before it.</li>
 * <li>An unparenthesised function argument runs over the juxtaposed factors after it:
 *     {@code \log 2\pi\sigma^2} is log(2 pi sigma^2); it stops at an explicit operator, at another
 *     function, expectation, sum, integral or divergence.</li>
 * <li>A sum's or product's summand is the whole term after it: {@code \sum_{j=1}^{3} 2 j} sums 2j; trailing
 *     factors that do not use the index stay outside ({@code \prod_{j=1}^{2} S_j D_3} is (S_1 S_2) D_3, as
 *     meant; for a sum the value is the same either way).</li>
 * <li>Letter runs. Letters written next to each other with no space are one name when the run is a
 *     known word (Var, Cov, Std, RF, ELBO, MSE, NLL), a declared name (or the start of one, as RF of
 *     RF_H_1), or all capitals directly followed by a subscript or prime ({@code RF_{H_2}},
 *     {@code AB'}); otherwise each letter is a factor ({@code xy} is x times y, {@code 2ab} is 2ab).</li>
 * <li>A name's subscript becomes part of the name ({@code K_2}, {@code q_\phi} is q_phi,
 *     {@code RF_{H_2}} is RF_H_2); it is an index instead ({@code mu[j]}) when the name is indexed by a
 *     declared distribution or the subscript uses the index of an enclosing sum. A prime is kept
 *     ({@code K_3'}). {@code \sigma^2_j} and {@code \sigma_j^2} are the same.</li>
 * <li>{@code e} is Euler's number, {@code e^{x}} the exponential, unless e is declared.</li>
 * <li>A calligraphic name applied to arguments ({@code \mathcal{L}(x)}), or a multi-letter one with the
 *     parenthesis touching it ({@code \mathrm{ELBO}(x)}), is that name, the arguments a label; a single letter or Greek letter before parentheses multiplies
 *     ({@code a(b + c)}, {@code \lambda(1 - \lambda)}).</li>
 * <li>{@code q(z)} and {@code q_\phi(z|x)} are densities of a declared q; {@code \mathcal{N}(z; \mu, \sigma^2)}
 *     is the Normal density at z ({@code Normal(z, mu, sigma^2)}); {@code \mathrm{Var}(w)} is Var(w).</li>
 * </ul>
 */
final class LatexReader {
    /** A piece that declares (q(z|x) = N(mu, sigma^2)) rather than relates: not read, not an error. */
    static final class NotARelation extends RuntimeException {
        NotARelation() { super(null, null, false, false); }
    }

    private static final Set<String> KNOWN_WORDS = Set.of("Var", "Cov", "Std", "RF", "ELBO", "MSE", "NLL");
    private static final Map<String, String> FAMILIES = Map.ofEntries(Map.entry("N", "Normal"), Map.entry("Normal", "Normal"),
            Map.entry("Laplace", "Laplace"), Map.entry("Lap", "Laplace"), Map.entry("Exponential", "Exponential"), Map.entry("Exp", "Exponential"),
            Map.entry("Bernoulli", "Bernoulli"), Map.entry("Bern", "Bernoulli"), Map.entry("Uniform", "Uniform"), Map.entry("U", "Uniform"));
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
            "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi",
            "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "ell");

    private final LatexSyntax.Declared declared;
    private final int firstLine;
    private final int firstColumn;
    /** The indices of the sums and products being read, innermost last. */
    private final Set<String> bound = new HashSet<>();

    LatexReader(LatexSyntax.Declared declared, int firstLine, int firstColumn) {
        this.declared = declared;
        this.firstLine = firstLine;
        this.firstColumn = firstColumn;
    }

    Span shift(int line, int column0, int length) {
        return new Span(firstLine + line - 1, (line == 1 ? firstColumn : 1) + column0, Math.max(1, length));
    }

    private Span span(ParserRuleContext ctx) {
        var t = ctx.getStart();
        return shift(t.getLine(), t.getCharPositionInLine(), t.getStopIndex() - t.getStartIndex() + 1);
    }

    private Span span(TerminalNode node) {
        var t = node.getSymbol();
        return shift(t.getLine(), t.getCharPositionInLine(), t.getStopIndex() - t.getStartIndex() + 1);
    }

    // ---- rows ---------------------------------------------------------------------------------

    List<ChainLink> row(RowContext row) {
        var links = new ArrayList<ChainLink>();
        int e = 0;
        if (row.expr().size() > row.rel().size()) {
            links.add(new ChainLink(span(row.expr(0)), null, expr(row.expr(0))));
            e = 1;
        }
        for (int r = 0; r < row.rel().size(); r++, e++) {
            links.add(new ChainLink(span(row.expr(e)), relation(row.rel(r)), expr(row.expr(e))));
        }
        return links;
    }

    private static Relation relation(RelContext ctx) {
        if (ctx.LEQ() != null) return Relation.LE;
        if (ctx.GEQ() != null) return Relation.GE;
        if (ctx.APPROX() != null) return Relation.APPROX;
        if (ctx.DEFINE() != null) return Relation.EQ;
        return switch (ctx.getText()) {
            case "<" -> Relation.LT;
            case ">" -> Relation.GT;
            default -> Relation.EQ;
        };
    }

    // ---- sums and products of factors ---------------------------------------------------------

    Expr expr(ExprContext ctx) {
        var terms = new ArrayList<Expr>();
        int minus = 0;
        for (var child : ctx.children) {
            if (child instanceof TermContext t) {
                Expr value = term(t);
                terms.add(minus % 2 == 1 ? new Expr.Neg(value) : value);
                minus = 0;
            } else if (child.getText().equals("-")) {
                minus++;
            }
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Add(terms);
    }

    private Expr term(TermContext ctx) {
        var fs = ctx.factor();
        var ops = new String[fs.size()];
        var negated = new boolean[fs.size()];
        int f = 0, minus = 0;
        String op = null;
        for (var child : ctx.children) {
            if (child instanceof FactorContext) {
                ops[f] = op;
                negated[f++] = minus % 2 == 1;
                op = null;
                minus = 0;
            } else if (child instanceof MulOpContext m) {
                op = m.getText();
            } else if (child.getText().equals("-")) {
                minus++;
            }
        }
        Expr value = factors(fs, ops);
        // A sign after an operator (2 \times -3) negates its factor; the product's value is the same with the sign in front.
        int signs = 0;
        for (boolean n : negated) if (n) signs++;
        return signs % 2 == 1 ? new Expr.Neg(value) : value;
    }

    private Expr factors(List<FactorContext> fs, String[] ops) {
        var factors = new ArrayList<Expr>();
        int i = 0;
        while (i < fs.size()) {
            String op = ops[i];
            int next = letterRun(fs, ops, i);
            Expr value;
            if (next > i + 1) {
                value = runName(fs.subList(i, next));
            } else if (bareFunction(fs.get(i))) {
                while (next < fs.size() && ops[next] == null && !stops(fs.get(next))) next++;
                value = function(fs.get(i), fs.subList(i + 1, next));
            } else {
                value = factor(fs.get(i));
            }
            if ("/".equals(op) || "\\div".equals(op)) {
                factors = new ArrayList<>(List.of(new Expr.Div(product(factors), value)));
            } else if (value instanceof Expr.Mul m && (fs.get(i).atom() instanceof BigContext || fs.get(i).atom() instanceof CallContext)) {
                factors.addAll(m.factors()); // a product's factors that stayed outside it; a name times a parenthesis
            } else {
                factors.add(value);
            }
            i = next;
        }
        return product(factors);
    }

    private static Expr product(List<Expr> factors) {
        return factors.size() == 1 ? factors.get(0) : new Expr.Mul(factors);
    }

    // ---- letter runs --------------------------------------------------------------------------

    /** The end (exclusive) of the letter run that is one name starting at i, or i + 1. */
    private int letterRun(List<FactorContext> fs, String[] ops, int i) {
        if (!plainLetter(fs.get(i), false)) return i + 1;
        int j = i + 1;
        while (j < fs.size() && ops[j] == null && adjacent(fs.get(j - 1), fs.get(j))) {
            if (plainLetter(fs.get(j), false)) { j++; continue; }
            if (plainLetter(fs.get(j), true) || letterCall(fs.get(j))) j++;
            break;
        }
        if (j - i < 2) return i + 1;
        String text = letters(fs.subList(i, j));
        FactorContext last = fs.get(j - 1);
        boolean subOrPrime = last.children.stream().anyMatch(c -> c.getText().equals("_") || c.getText().equals("'"));
        if (KNOWN_WORDS.contains(text) || declaredName(text)) return j;
        if (text.equals(text.toUpperCase()) && subOrPrime) return j;
        return i + 1;
    }

    private boolean declaredName(String text) {
        if (declared.names().contains(text) || declared.distributions().containsKey(text)) return true;
        for (String n : declared.names()) if (n.startsWith(text + "_")) return true;
        return false;
    }

    private static boolean plainLetter(FactorContext f, boolean scripted) {
        if (!(f.atom() instanceof SymbolContext s)) return false;
        var n = s.name();
        if (n.LETTER() == null && n.E() == null || n.getChildCount() != 1) return false;
        return scripted || f.getChildCount() == 1;
    }

    private static boolean letterCall(FactorContext f) {
        if (!(f.atom() instanceof CallContext c) || f.getChildCount() != 1 || c.script() != null) return false;
        var n = c.name();
        return (n.LETTER() != null || n.E() != null) && n.getChildCount() == 1;
    }

    private static boolean adjacent(FactorContext a, FactorContext b) {
        return a.getStop().getStopIndex() + 1 == b.getStart().getStartIndex();
    }

    private static String letters(List<FactorContext> run) {
        var sb = new StringBuilder();
        for (var f : run) sb.append(f.atom() instanceof CallContext c ? c.name().getText() : ((SymbolContext) f.atom()).name().getText());
        return sb.toString();
    }

    private Expr runName(List<FactorContext> run) {
        String name = letters(run);
        FactorContext last = run.get(run.size() - 1);
        if (last.atom() instanceof CallContext c) return call(name, false, null, c.args(), span(c), attached(c));
        return scripted(name, last);
    }

    // ---- factors: names with scripts ----------------------------------------------------------

    private Expr factor(FactorContext f) {
        if (f.atom() instanceof SymbolContext s) return scripted(nameOf(s.name()), f);
        Expr base = atom(f.atom());
        // \mu (x/\mu)^3: the power belongs to the parenthesis, not to the product with the name before it.
        if (f.atom() instanceof CallContext c && base instanceof Expr.Mul m && m.factors().size() == 2 && f.getChildCount() > 1
                && multiplies(nameOf(c.name()), c.name().CAL() != null, c.args(), attached(c))) {
            Expr arg = m.factors().get(1);
            for (int i = 1; i < f.getChildCount(); i++) {
                if (!f.getChild(i).getText().equals("^")) throw new BadInput(span(f), "a subscript belongs to a name");
                arg = power(arg, (ScriptContext) f.getChild(++i));
            }
            return new Expr.Mul(List.of(m.factors().get(0), arg));
        }
        for (int i = 1; i < f.getChildCount(); i++) {
            String mark = f.getChild(i).getText();
            if (mark.equals("_")) throw new BadInput(span((ParserRuleContext) f.getChild(i + 1)), "a subscript belongs to a name");
            if (mark.equals("'")) throw new BadInput(span(f), "a prime belongs to a name");
            base = power(base, (ScriptContext) f.getChild(++i));
        }
        return base;
    }

    /** A name with its subscripts and primes, then its powers: {@code \sigma^2_j} is (sigma_j)^2. */
    private Expr scripted(String name, FactorContext f) {
        ScriptContext sub = null;
        var sups = new ArrayList<ScriptContext>();
        var primes = new StringBuilder();
        for (int i = 1; i < f.getChildCount(); i++) {
            String mark = f.getChild(i).getText();
            if (mark.equals("'")) { primes.append('\''); continue; }
            ScriptContext script = (ScriptContext) f.getChild(++i);
            if (mark.equals("_")) {
                if (sub != null) throw new BadInput(span(script), "a name with two subscripts");
                sub = script;
            } else if (script.getText().equals("\\prime")) {
                primes.append('\'');
            } else {
                sups.add(script);
            }
        }
        Expr base = subscripted(name, sub, primes.toString());
        for (var s : sups) base = power(base, s);
        return base;
    }

    private Expr subscripted(String name, ScriptContext sub, String primes) {
        if (sub == null) return nameExpr(name + primes);
        Expr index = script(sub);
        boolean usesIndex = stepwise.algebra.Exprs.freeSymbols(index).stream().anyMatch(bound::contains);
        if (primes.isEmpty() && (declared.indexed().contains(name) || usesIndex)) return new Expr.Indexed(name, index);
        return new Expr.Sym(name + "_" + scriptName(sub) + primes);
    }

    private Expr nameExpr(String name) {
        if (name.equals("e") && !declared.names().contains("e")) return Expr.fn("exp", Expr.num(1));
        return new Expr.Sym(name);
    }

    private Expr power(Expr base, ScriptContext script) {
        Expr exponent = script(script);
        if (base.equals(Expr.fn("exp", Expr.num(1)))) return Expr.fn("exp", exponent);
        return new Expr.Pow(base, exponent);
    }

    private Expr script(ScriptContext ctx) {
        if (ctx.group() != null) return expr(ctx.group().expr());
        if (ctx.NUMBER() != null) return new Expr.Num(Rational.parse(ctx.NUMBER().getText()));
        if (ctx.INFTY() != null) return new Expr.Sym("infinity");
        if (ctx.COMMAND() != null) return new Expr.Sym(command(ctx.getText(), span(ctx)));
        return nameExpr(ctx.getText());
    }

    /** A subscript as part of a name: {@code H_2}, {@code phi}, {@code KL}, {@code ij}. */
    private String scriptName(ScriptContext ctx) {
        if (ctx.group() != null) return stepwise.ast.Infix.print(expr(ctx.group().expr())).replace(" ", "").replace("*", "");
        if (ctx.COMMAND() != null) return command(ctx.getText(), span(ctx));
        return ctx.getText();
    }

    // ---- atoms --------------------------------------------------------------------------------

    private Expr atom(AtomContext ctx) {
        if (ctx instanceof NumberContext n) return new Expr.Num(Rational.parse(n.getText()));
        if (ctx instanceof FractionContext f) {
            if (derivative(f)) throw new BadInput(span(f), "derivatives are not checked: '" + source(f) + "'");
            return new Expr.Div(fracArg(f.fracArg(0)), fracArg(f.fracArg(1)));
        }
        if (ctx instanceof ExtremumContext m) {
            if (m.script() != null || m.expr().isEmpty()) throw new BadInput(span(m.script()), "a maximum or minimum over a set is not checked; write max(a, b)");
            return new Expr.Fn(m.EXTREMUM().getText().substring(1), m.expr().stream().map(this::expr).toList());
        }
        if (ctx instanceof DigitFractionContext d) {
            String t = d.getText();
            return new Expr.Div(Expr.num(t.charAt(t.length() - 2) - '0'), Expr.num(t.charAt(t.length() - 1) - '0'));
        }
        if (ctx instanceof RootContext r) return Expr.fn("sqrt", fracArg(r.fracArg()));
        if (ctx instanceof ParensContext p) return expr(p.expr());
        if (ctx instanceof AbsoluteContext a) return Expr.fn("abs", expr(a.expr()));
        if (ctx instanceof FloorContext f) return Expr.fn("floor", expr(f.expr()));
        if (ctx instanceof CeilContext c) return Expr.fn("ceil", expr(c.expr()));
        if (ctx instanceof BracedContext b) return expr(b.group().expr());
        if (ctx instanceof InfinityContext) return new Expr.Sym("infinity");
        if (ctx instanceof ExpectContext x) return expectation(x);
        if (ctx instanceof KlContext k) return divergence(k);
        if (ctx instanceof BigContext b) return bigOp(b);
        if (ctx instanceof IntegralContext i) return integral(i);
        if (ctx instanceof FunctionContext f) return function(f, factor(f.factor()));
        if (ctx instanceof CallContext c) return call(nameOf(c.name()), c.name().CAL() != null, c.script(), c.args(), span(c), attached(c));
        return nameExpr(nameOf(((SymbolContext) ctx).name()));
    }

    private static final Pattern DIFFERENTIAL = Pattern.compile("^\\{?\\s*(\\\\mathrm\\s*\\{\\s*d\\s*\\}|d)(\\s*\\^.*)?\\s*(\\\\?[A-Za-z].*)?\\}?$", Pattern.DOTALL);

    /** {@code \frac{d}{dx}}, {@code \frac{dy}{dx}}, {@code \frac{\mathrm{d}^2 f}{\mathrm{d} x^2}}: a derivative, not a quotient. */
    private static boolean derivative(FractionContext f) {
        String num = source(f.fracArg(0)).strip(), den = source(f.fracArg(1)).strip();
        if (!DIFFERENTIAL.matcher(num).matches() || !DIFFERENTIAL.matcher(den).matches()) return false;
        String d = den.replaceAll("^\\{?\\s*", "");
        return d.startsWith("\\mathrm") || d.length() > 1 && (Character.isLetter(d.charAt(1)) || d.charAt(1) == ' ' || d.charAt(1) == '\\');
    }

    private Expr fracArg(FracArgContext ctx) {
        if (ctx.group() != null) return expr(ctx.group().expr());
        if (ctx.NUMBER() != null) return new Expr.Num(Rational.parse(ctx.NUMBER().getText()));
        if (ctx.COMMAND() != null) return new Expr.Sym(command(ctx.getText(), span(ctx)));
        return nameExpr(ctx.getText());
    }

    // ---- functions ----------------------------------------------------------------------------

    private static boolean bareFunction(FactorContext f) {
        if (!(f.atom() instanceof FunctionContext fn) || f.getChildCount() != 1) return false;
        return !(fn.factor().atom() instanceof ParensContext p && p.open.getText().equals("(") && fn.factor().getChildCount() == 1);
    }

    /** Where a bare function's argument ends: before another function, expectation, sum, integral or divergence. */
    private static boolean stops(FactorContext f) {
        var a = f.atom();
        return a instanceof FunctionContext || a instanceof ExpectContext || a instanceof BigContext || a instanceof IntegralContext
                || a instanceof KlContext;
    }

    /** A bare function and the juxtaposed factors its argument runs over. */
    private Expr function(FactorContext f, List<FactorContext> more) {
        var fn = (FunctionContext) f.atom();
        Expr arg = factor(fn.factor());
        if (!more.isEmpty()) {
            var all = new ArrayList<Expr>(List.of(arg));
            Expr rest = factors(more, new String[more.size()]);
            if (rest instanceof Expr.Mul m) all.addAll(m.factors()); else all.add(rest);
            arg = product(all);
        }
        return function(fn, arg);
    }

    private Expr function(FunctionContext fn, Expr arg) {
        String name = fn.FUNCTION().getText().equals("\\exp") ? "exp" : "log";
        Expr value = Expr.fn(name, arg);
        for (int i = 1; i + 1 < fn.getChildCount() && fn.getChild(i + 1) instanceof ScriptContext s; i += 2) {
            if (fn.getChild(i).getText().equals("_")) {
                if (!name.equals("log")) throw new BadInput(span(s), "only a logarithm takes a base");
                value = new Expr.Div(value, Expr.fn("log", script(s)));
            } else {
                value = new Expr.Pow(value, script(s));
            }
        }
        return value;
    }

    /**
     * {@code name(args)}: a density of a declared distribution (the conditioning after | is a label),
     * a family's density when a point comes first ({@code \mathcal{N}(z; \mu, \sigma^2)}), Var, Cov,
     * or else the name times the parenthesised expression.
     */
    /** Whether the parenthesis touches the name, as in {@code \mathrm{ELBO}(x)}, not {@code \mathrm{RF}_{2} (1 + 5)}. */
    private static boolean attached(CallContext c) {
        if (c.script() != null) return false;
        var open = (TerminalNode) c.getChild(1);
        return c.name().getStop().getStopIndex() + 1 == open.getSymbol().getStartIndex();
    }

    private Expr call(String name, boolean calligraphic, ScriptContext sub, ArgsContext args, Span at, boolean attached) {
        boolean pointFirst = args.BAR() != null || args.MID() != null || args.children.stream().anyMatch(c -> c.getText().equals(";"));
        var values = args.expr().stream().map(this::expr).toList();
        String family = calligraphic || !name.equals("N") && !name.equals("U") ? FAMILIES.get(name) : null;
        if (family == null && pointFirst && (name.equals("N") || name.equals("U"))) family = FAMILIES.get(name);
        if (family != null) {
            if (!pointFirst) throw new NotARelation();
            return new Expr.Fn(family, values);
        }
        String dist = distribution(name, sub == null ? null : scriptName(sub));
        if (dist != null) {
            if (values.size() > 1 && !pointFirst) throw new BadInput(at, dist + "(...) is a density of one variable, got " + values.size() + " arguments");
            return Expr.fn(dist, values.get(0));
        }
        if (name.equals("Var") || name.equals("Std")) {
            if (values.size() != 1 || pointFirst) throw new BadInput(at, name + " takes one argument");
            return Expr.fn(name, values.get(0));
        }
        if (name.equals("Cov")) {
            if (values.size() != 2 || pointFirst) throw new BadInput(at, "Cov takes two arguments");
            return new Expr.Fn("Cov", values);
        }
        // \mathcal{L}(x), \mathrm{ELBO}(x), RF(l): a named quantity; its arguments label it and are set aside.
        if (calligraphic || attached && name.length() > 1 && !GREEK.contains(name)) return subscripted(name, sub, "");
        if (values.size() == 1 && !pointFirst) return Expr.mul(subscripted(name, sub, ""), values.get(0));
        throw new BadInput(at, "'" + name + "(...)' with " + (pointFirst ? "a conditional" : "several arguments")
                + ": " + name + " is not a declared distribution or a function stepwise knows");
    }

    /** Whether name(args) is the name times the parenthesis: a plain or Greek letter, no declared meaning. */
    private boolean multiplies(String name, boolean calligraphic, ArgsContext args, boolean attached) {
        boolean pointFirst = args.BAR() != null || args.MID() != null || args.children.stream().anyMatch(c -> c.getText().equals(";"));
        return !calligraphic && !pointFirst && args.expr().size() == 1 && !FAMILIES.containsKey(name) && distribution(name, null) == null
                && !name.equals("Var") && !name.equals("Std") && !name.equals("Cov") && (name.length() == 1 || GREEK.contains(name) || !attached);
    }

    /** The declared distribution a written name means: q_phi if declared, else q. */
    private String distribution(String name, String sub) {
        if (sub != null && declared.distributions().containsKey(name + "_" + sub)) return name + "_" + sub;
        return declared.distributions().containsKey(name) ? name : null;
    }

    // ---- expectations and divergences ---------------------------------------------------------

    private static final Pattern SUBSCRIPT_NAME = Pattern.compile(
            "^\\s*(?:\\\\(?:mathcal|mathrm|operatorname|mathbb|boldsymbol|mathbf)\\s*\\{\\s*)?\\\\?([A-Za-z]+)\\s*\\}?\\s*(?:_\\s*(?:\\{\\s*\\\\?([A-Za-z0-9]+)\\s*\\}|\\\\?([A-Za-z]+)|([0-9])))?");

    private Expr expectation(ExpectContext x) {
        var e = x.expectation();
        String dist = e.subscript() == null ? "" : expectationDistribution(e.subscript());
        return new Expr.Expect(dist, expr(x.expr()));
    }

    /**
     * {@code E_q}, {@code E_{q_\phi(z|x)}}, {@code E_{z \sim q}}: the declared distribution named;
     * {@code E_z} or {@code E_{z \sim \mathcal{N}(...)}}: the one declared distribution over z, or
     * none named ("") when several are, for the checker to resolve or call ambiguous.
     */
    private String expectationDistribution(SubscriptContext s) {
        String text = source(s).strip();
        if (text.startsWith("{") && text.endsWith("}")) text = text.substring(1, text.length() - 1);
        int sim = text.indexOf("\\sim");
        String left = sim < 0 ? null : text.substring(0, sim);
        String right = sim < 0 ? text : text.substring(sim + 4);
        var m = SUBSCRIPT_NAME.matcher(right);
        if (!m.find()) throw new BadInput(span(s), "cannot tell which distribution E_{" + text + "} is under");
        String base = m.group(1);
        String sub = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        String dist = distribution(base, sub);
        if (dist != null) return dist;
        String variable = left != null ? left.strip().replace("\\", "") : base;
        if (declared.distributions().containsValue(variable)) {
            var over = declared.distributions().entrySet().stream().filter(en -> en.getValue().equals(variable)).toList();
            return over.size() == 1 ? over.get(0).getKey() : "";
        }
        throw new BadInput(span(s), "E_{" + text.strip() + "}: no distribution named '" + base + "' is declared; declare it with % stepwise: dist "
                + base + " = ...");
    }

    private Expr divergence(KlContext k) {
        var d = k.divergence();
        if (d.LETTER() != null && !d.LETTER().getText().equals("D")) throw new BadInput(span(d), "write D_{KL}(q \\| p) for a divergence");
        return new Expr.Divergence(klName(k.klArg(0)), klName(k.klArg(1)));
    }

    private String klName(KlArgContext a) {
        String name = a.name().stream().map(this::nameOf).collect(java.util.stream.Collectors.joining());
        String dist = distribution(name, a.script() == null ? null : scriptName(a.script()));
        return dist != null ? dist : name;
    }

    // ---- sums, products, integrals -------------------------------------------------------------

    private Expr bigOp(BigContext b) {
        boolean product = b.bigOp().PROD() != null;
        String what = product ? "a product" : "a sum";
        LowerContext lower = b.lower();
        if (lower == null) throw new BadInput(span(b), what + " needs its index: \\sum_{j=1}^{J}");
        String var = lower.LETTER() != null ? lower.LETTER().getText() : command(lower.COMMAND().getText(), span(lower.COMMAND()));
        Expr lo, hi;
        if (lower.IN() != null) {
            if (b.script() != null) throw new BadInput(span(b.script()), what + " over a set takes no upper bound");
            var range = consecutive(lower.expr());
            if (range == null) throw new BadInput(span(lower), what + " over a set that is not a run of consecutive whole numbers");
            lo = range.get(0);
            hi = range.get(1);
        } else if (!lower.expr().isEmpty()) {
            if (b.script() == null) throw new BadInput(span(b), what + " from " + var + " = ... needs an upper bound: ^{...}");
            lo = expr(lower.expr(0));
            hi = script(b.script());
        } else {
            IndexRange r = declared.ranges().get(var);
            if (r == null || b.script() != null) {
                throw new BadInput(span(b), what + " over " + var + " needs its bounds, \\sum_{" + var + "=1}^{J}, or an index range declared for " + var);
            }
            lo = r.lo();
            hi = r.hi();
        }
        boolean added = bound.add(var);
        Expr body;
        try {
            body = term(b.term());
            long minus = b.children.stream().filter(c -> c.getText().equals("-")).count();
            if (minus % 2 == 1) body = new Expr.Neg(body);
        } finally {
            if (added) bound.remove(var);
        }
        // Trailing factors free of the index stay outside: \prod_{j=1}^{2} S_j D_3 is (S_1 S_2) D_3.
        var outside = new ArrayList<Expr>();
        if (body instanceof Expr.Mul m) {
            var inside = new ArrayList<>(m.factors());
            while (inside.size() > 1 && !stepwise.algebra.Exprs.freeSymbols(inside.get(inside.size() - 1)).contains(var)
                    && !mentions(inside.get(inside.size() - 1), var)) {
                outside.add(0, inside.remove(inside.size() - 1));
            }
            body = product(inside);
        }
        Expr op = new Expr.BigOp(product, var, lo, hi, body);
        if (outside.isEmpty()) return op;
        outside.add(0, op);
        return new Expr.Mul(outside);
    }

    /** Whether the expression uses the index, free or inside an indexed name. */
    private static boolean mentions(Expr e, String var) {
        return stepwise.algebra.Exprs.contains(e, x -> x instanceof Expr.Sym s && s.name().equals(var));
    }

    /** {a, a+1, ..., b} as [a, b]; null when the set is not such a run. */
    private List<Expr> consecutive(List<ExprContext> elements) {
        var values = new ArrayList<Rational>();
        for (var e : elements) {
            try {
                Rational v = Exact.eval(expr(e), Map.of());
                if (!v.isInteger()) return null;
                values.add(v);
            } catch (RuntimeException notANumber) {
                return null;
            }
        }
        for (int i = 1; i < values.size(); i++) if (!values.get(i).equals(values.get(i - 1).add(Rational.ONE))) return null;
        return List.of(stepwise.algebra.Exprs.num(values.get(0)), stepwise.algebra.Exprs.num(values.get(values.size() - 1)));
    }

    /** {@code \int_{lo}^{hi} body \, dz}; with no limits, over the whole real line. */
    private Expr integral(IntegralContext ic) {
        var limits = ic.intLimits();
        Expr lo = new Expr.Neg(new Expr.Sym("infinity")), hi = new Expr.Sym("infinity");
        int given = 0;
        for (int i = 0; i + 1 < limits.getChildCount(); i += 2) {
            Expr v = script((ScriptContext) limits.getChild(i + 1));
            if (limits.getChild(i).getText().equals("_")) lo = v; else hi = v;
            given++;
        }
        if (given == 1) throw new BadInput(span(ic), "an integral needs both limits, or none for the whole real line");
        var d = ic.differential();
        String dee = d.getChild(0).getText().equals("d") ? "d" : d.getChildCount() == 5 ? d.getChild(2).getText() : "";
        if (!dee.equals("d")) throw new BadInput(span(d), "an integral ends with its variable: \\, dz");
        var v = d.getChild(d.getChildCount() - 1);
        String var = v.getText().startsWith("\\") ? command(v.getText(), span(d)) : v.getText();
        return new Expr.Integral(var, lo, hi, expr(ic.expr()));
    }

    // ---- names --------------------------------------------------------------------------------

    private String nameOf(NameContext n) {
        if (n.CAL() != null || n.BOLD() != null) return inner(n);
        if (n.ROMAN() != null) {
            var sb = new StringBuilder();
            for (int i = 2; i < n.getChildCount() - 1; i++) sb.append(n.getChild(i).getText());
            return sb.toString();
        }
        if (n.ACCENT() != null) return inner(n) + "_" + n.ACCENT().getText().substring(1).replace("wide", "").replace("overline", "bar");
        if (n.COMMAND() != null) return command(n.getText(), span(n));
        return n.getText();
    }

    /** The letter or Greek name inside \mathcal{..}, \mathbf{..}, \hat{..}. */
    private String inner(NameContext n) {
        for (int i = 1; i < n.getChildCount(); i++) {
            String t = n.getChild(i).getText();
            if (t.equals("{") || t.equals("}")) continue;
            return t.startsWith("\\") ? command(t, span(n)) : t;
        }
        throw new BadInput(span(n), "an empty name");
    }

    /** A Greek letter's name ({@code \sigma} is sigma); any other command is not understood. */
    private static String command(String text, Span span) {
        String name = text.startsWith("\\") ? text.substring(1) : text;
        if (!text.startsWith("\\") || GREEK.contains(name)) return name;
        String why = switch (name) {
            case "cdots", "ldots", "dots", "vdots" -> "'" + text + "': elided terms cannot be checked; write the sum with \\sum";
            case "partial", "nabla" -> "derivatives are not checked: '" + text + "'";
            case "neq", "ne" -> "'" + text + "' (not equal) is not a relation that is checked";
            default -> "unknown LaTeX command '" + text + "' in a checked line";
        };
        throw new BadInput(span, why);
    }

    private static String source(ParserRuleContext ctx) {
        var input = ctx.getStart().getInputStream();
        return input.getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }
}
