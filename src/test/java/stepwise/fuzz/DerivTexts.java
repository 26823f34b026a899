package stepwise.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of .deriv texts that follow the grammar (stacks, layers, distributions, matrices,
 * derivations, what-ifs, checks) with values from across their ranges (ordinary, odd, undefined,
 * huge, symbolic), and mutations of the example files.
 */
final class DerivTexts {
    private DerivTexts() {}

    static Arbitrary<String> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, program()),
                Tuple.of(2, mutatedExample()));
    }

    // ---- values -----------------------------------------------------------------------------

    static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.integers().between(1, 9).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("2^63", "10^10", "99999999999999999999", "1000000", "1000001", "2^62", "10^10^10", "1e999",
                        "123456789", "2^20", "100000", "65")),
                Tuple.of(3, Arbitraries.of("1/2", "5/2", "1+1/2", "2-1", "2.5", "-1", "0", "sqrt(4)", "log(1)", "exp(1000)", "1/0", "0/0",
                        "3/0", "sqrt(-1)", "(((3)))", "--3", "2^-1", "floor(5/2)", "max(2, 3)", "abs(-2)", "3*1", "0.5", "1e-3", "4/2")),
                Tuple.of(3, Arbitraries.of("k1", "s", "n", "k[l]", "s[p]", "a", "z", "KL(q||p)", "E[q](z)", "k1 + 1", "2*k1", "mu", "L",
                        "pi", "infinity", "k[1]", "d")));
    }

    private static Arbitrary<String> smallInt() { return Arbitraries.integers().between(0, 6).map(String::valueOf); }

    // ---- stacks -----------------------------------------------------------------------------

    private static Arbitrary<String> param(String key) {
        Arbitrary<String> v = key.equals("p")
                ? Arbitraries.frequencyOf(Tuple.of(6, value()), Tuple.of(1, Arbitraries.of("same", "valid")))
                : value();
        Arbitrary<String> pair = Combinators.combine(value(), value()).as((a, b) -> "(" + a + ", " + b + ")");
        return Arbitraries.frequencyOf(Tuple.of(9, v), Tuple.of(1, pair)).map(x -> key + "=" + x);
    }

    static Arbitrary<String> layer() {
        Arbitrary<String> kind = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("conv")), Tuple.of(2, Arbitraries.of("maxpool", "avgpool")),
                Tuple.of(1, Arbitraries.of("tconv", "upsample", "convv")));
        Arbitrary<List<String>> params = Arbitraries.of("k", "k", "s", "d", "p", "op", "f").flatMap(DerivTexts::param).list().ofMaxSize(4);
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("H1 = ", "H2 = ", "H3 = ", "A = ", "q2 = ", "L1 = ", "block1 = ")));
        return Combinators.combine(name, kind, params).as((n, k, ps) -> n + k + "(" + String.join(", ", ps) + ")");
    }

    static Arbitrary<String> item(int depth) {
        if (depth >= 3) return layer();
        Arbitrary<String> items = Arbitraries.lazy(() -> item(depth + 1)).list().ofMaxSize(3).map(l -> String.join(" ", l));
        Arbitrary<String> parallel = Combinators.combine(Arbitraries.of("", "b = ", "res = "), items.list().ofMinSize(1).ofMaxSize(3))
                .as((n, paths) -> n + "parallel { " + String.join(" ", paths.stream().map(p -> "path { " + p + " }").toList()) + " }");
        Arbitrary<String> range = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(smallInt(), smallInt()).as((a, b) -> a + ".." + b)),
                Tuple.of(2, Arbitraries.of("1..L", "0.5..L", "1..100000", "3..1", "99999999999999999999999..L", "1..n", "l..3")));
        Arbitrary<String> repeat = Combinators.combine(range, items).as((r, body) -> "repeat l = " + r + " { " + body + " }");
        return Arbitraries.frequencyOf(Tuple.of(8, layer()), Tuple.of(2, parallel), Tuple.of(1, repeat));
    }

    static Arbitrary<String> stack(String name) {
        Arbitrary<String> dims = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(2, Arbitraries.just(" : 2d")),
                Tuple.of(1, Arbitraries.of(" : 1d", " : 3d")));
        return Combinators.combine(dims, item(0).list().ofMinSize(1).ofMaxSize(5))
                .as((d, items) -> "stack " + name + d + " { " + String.join("\n  ", items) + " }");
    }

    private static Arbitrary<String> where() {
        Arbitrary<String> assignment = Combinators.combine(Arbitraries.of("H1.k", "H1.s", "H2.d", "H3.p", "k1", "zz", "A.k", "L1.s", "q2.k", "H1.x"), value())
                .as((ref, v) -> ref + " = " + v);
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")),
                Tuple.of(1, assignment.list().ofMinSize(1).ofMaxSize(2).map(l -> " where " + String.join(", ", l))));
    }

    static Arbitrary<String> stackUse() {
        Arbitrary<String> derive = Combinators.combine(Arbitraries.of("receptive_field(S)", "output_size(S, n=%s)", "output_size(S, n=(%s, 8))"), value(), where())
                .as((t, n, w) -> "derive " + t.replace("%s", n) + w);
        // One parameter, or two (the same one twice, too many curves, a third one), with or without a where.
        Arbitrary<String> sweep = Combinators.combine(Arbitraries.of("H1.k", "H2.d", "q2.k", "A.s", "k1"),
                        Arbitraries.of("1..4", "1..3", "5..1", "0.5..2", "1..20000", "[1, 2, t]", "[0]", "[1/2]"),
                        Arbitraries.of("", "", ", H2.d = [1, 2]", ", H1.k = 1..7", ", H1.k = [1, 2], A.s = [1]", ", k1 = [3]", ", H1.k = 1..4", ", H2.d = 3..1"),
                        where())
                .as((p, r, second, w) -> "sweep receptive_field(S) over " + p + " = " + r + second + w);
        Arbitrary<String> solve = Combinators.combine(Arbitraries.of(">=", ">", "=", "<=", "<"), value(), Arbitraries.of("H1.k", "H2.d", "q2.k", "H3.p", "k1", "A.s"))
                .as((rel, v, p) -> "solve receptive_field(S) " + rel + " " + v + " for " + p);
        return Arbitraries.frequencyOf(Tuple.of(5, derive), Tuple.of(1, sweep), Tuple.of(2, solve));
    }

    // ---- distributions, matrices, checks ----------------------------------------------------

    static Arbitrary<String> dist(String name) {
        Arbitrary<String> family = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("Normal")),
                Tuple.of(1, Arbitraries.of("Bernoulli", "Exponential", "Laplace", "Uniform", "Gauss")));
        Arbitrary<String> arg = Arbitraries.frequencyOf(Tuple.of(3, value()),
                Tuple.of(2, Arbitraries.of("mu", "sigma^2", "r", "r + 1", "-v", "a", "b", "lambda", "mu[j]", "sigma[j]^2", "mu[k]", "z", "1 - r", "2")));
        Arbitrary<String> index = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(" for j = 1..J", " for j = 1..2", " for j = 1..0", " for j = 3..1", " for j = 1..1000000", " for j = 0.5..2")));
        return Combinators.combine(family, arg.list().ofMinSize(1).ofMaxSize(3), index)
                .as((f, args, ix) -> "dist " + name + " = " + f + "(" + String.join(", ", args) + ")" + ix);
    }

    static Arbitrary<String> matrix(String name) {
        Arbitrary<String> entry = Arbitraries.frequencyOf(Tuple.of(6, smallInt()), Tuple.of(1, value()));
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 4), entry.list().ofSize(16))
                .as((h, w, es) -> {
                    var rows = new ArrayList<String>();
                    for (int i = 0; i < h; i++) rows.add("[" + String.join(", ", es.subList(i * w % 16, i * w % 16 + Math.min(w, 16 - i * w % 16))) + "]");
                    return "let " + name + " = [" + String.join(", ", rows) + "]";
                });
    }

    static Arbitrary<String> convUse() {
        Arbitrary<List<String>> params = Arbitraries.of("s", "p", "d", "op").flatMap(DerivTexts::param).list().ofMaxSize(3);
        return Combinators.combine(Arbitraries.of("conv", "conv_transpose"), params)
                .as((f, ps) -> "derive " + f + "(X, K" + (ps.isEmpty() ? "" : ", " + String.join(", ", ps)) + ")");
    }

    static Arbitrary<String> check() {
        Arbitrary<String> e = Combinators.combine(value(), Arbitraries.of("+", "-", "*", "/", "^"), value()).as((a, op, b) -> a + " " + op + " " + b);
        return Combinators.combine(e, Arbitraries.of("=", "<", ">=", "="), value()).as((l, rel, r) -> "check { " + l + " " + rel + " " + r + " }");
    }

    static Arbitrary<String> program() {
        Arbitrary<String> stacks = Combinators.combine(stack("S"), stackUse().list().ofMinSize(1).ofMaxSize(2))
                .as((s, uses) -> s + "\n" + String.join("\n", uses));
        Arbitrary<String> kl = Combinators.combine(dist("q"), dist("p")).as((q, p) -> q + "\n" + p + "\nderive KL(q || p)");
        Arbitrary<String> conv = Combinators.combine(matrix("X"), matrix("K"), convUse()).as((x, k, c) -> x + "\n" + k + "\n" + c);
        Arbitrary<String> prose = Arbitraries.of("title \"t\"", "text \"\"\"prose $x$\"\"\"", "# comment", "\uFEFF", "");
        Arbitrary<String> part = Arbitraries.frequencyOf(Tuple.of(8, stacks), Tuple.of(1, kl), Tuple.of(3, conv), Tuple.of(2, check()));
        return Combinators.combine(prose, part.list().ofMinSize(1).ofMaxSize(2)).as((t, parts) -> t + "\n" + String.join("\n", parts) + "\n");
    }

    // ---- mutations of the examples ----------------------------------------------------------

    /** The example files, each cut into statements (a statement starts at a line that starts with a keyword). */
    private static final List<List<String>> EXAMPLES = examples();

    private static List<List<String>> examples() {
        try (Stream<Path> files = Files.list(Path.of("derivations"))) {
            var out = new ArrayList<List<String>>();
            for (Path f : files.filter(p -> p.toString().endsWith(".deriv")).sorted().toList()) {
                var statements = new ArrayList<String>();
                for (String line : Files.readString(f).split("\n", -1)) {
                    if (statements.isEmpty() || line.matches("^(title|text|stack|dist|let|derive|sweep|solve|check)\\b.*")) statements.add(line);
                    else statements.set(statements.size() - 1, statements.get(statements.size() - 1) + "\n" + line);
                }
                out.add(statements);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example's declarations and one of its derivations, then one edit: a value replaced, text cut, doubled or inserted. */
    static Arbitrary<String> mutatedExample() {
        return Combinators.combine(Arbitraries.integers().between(0, EXAMPLES.size() - 1), Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, 5), value(),
                        Arbitraries.of("(", ")", "{", "}", "[", "]", ",", "=", "..", "||", "^", "-", "\"", "\"\"\"", "#", "@", "\t", "\n", "\u00e9", "\uFEFF"))
                .as((file, pick, at, kind, v, junk) -> mutate(EXAMPLES.get(file), pick, at, kind, v, junk));
    }

    private static String mutate(List<String> statements, int pick, int at, int kind, String value, String junk) {
        var kept = new ArrayList<String>();
        var uses = statements.stream().filter(s -> s.matches("(?s)^(derive|sweep|solve|check).*")).toList();
        for (String s : statements) if (!s.matches("(?s)^(derive|sweep|solve|check).*")) kept.add(s);
        if (!uses.isEmpty()) kept.add(uses.get(pick % uses.size()));
        String text = String.join("\n", kept);
        if (text.isEmpty()) return text;
        int i = at % text.length();
        return switch (kind) {
            case 0 -> text.replaceFirst("(?<=[=(,\\s])\\d+(?=[,)\\s])", java.util.regex.Matcher.quoteReplacement(value)); // a number replaced
            case 1 -> replaceNth(text, pick, value);
            case 2 -> text.substring(0, i) + text.substring(Math.min(text.length(), i + 1 + pick % 20)); // text cut
            case 3 -> text.substring(0, i) + junk + text.substring(i); // a token inserted
            case 4 -> text.substring(0, i) + text.substring(i, Math.min(text.length(), i + 1 + pick % 30)) + text.substring(i); // text doubled
            default -> text.substring(0, i); // truncated
        };
    }

    /** The n-th number of the text (counting round) replaced by a value. */
    private static String replaceNth(String text, int n, String value) {
        var m = java.util.regex.Pattern.compile("\\b\\d+\\b").matcher(text);
        var starts = new ArrayList<int[]>();
        while (m.find()) starts.add(new int[] {m.start(), m.end()});
        if (starts.isEmpty()) return text;
        int[] s = starts.get(n % starts.size());
        return text.substring(0, s[0]) + value + text.substring(s[1]);
    }
}
