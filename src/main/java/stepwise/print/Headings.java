package stepwise.print;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a derivation is, in words, for a heading: {@code receptive_field(Q1) where H1.s = s} is
 * "Receptive field of Q1, where $s_{H_1} = s$". Math is between dollar signs; the rest is words.
 */
final class Headings {
    private Headings() {}

    private static final Pattern CALL = Pattern.compile("(\\w+)\\((.*)\\)(?: where (.*))?");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    static String derivation(String target) {
        var m = CALL.matcher(target);
        if (!m.matches()) return target;
        var args = split(m.group(2));
        String words = switch (m.group(1)) {
            case "receptive_field" -> "Receptive field of " + args.get(0);
            case "output_size" -> "Output sizes of " + args.get(0) + options(args.subList(1, args.size()), "for ");
            case "KL" -> "KL divergence $" + kl(m.group(2)) + "$";
            case "conv" -> "Convolution of $" + math(args.get(0)) + "$ with $" + math(args.get(1)) + "$" + options(args.subList(2, args.size()), "");
            case "conv_transpose" -> "Transposed convolution of $" + math(args.get(0)) + "$ with $" + math(args.get(1)) + "$"
                    + options(args.subList(2, args.size()), "");
            default -> target;
        };
        return m.group(3) == null ? words : words + ", where " + assignments(m.group(3));
    }

    /** A sweep: what is swept, against which parameter(s). */
    static String sweep(String target, String params) {
        int where = target.indexOf(" where ");
        String call = where < 0 ? target : target.substring(0, where);
        String against = derivation(call) + " against " + String.join(" and ", split(params).stream().map(p -> "$" + param(p) + "$").toList());
        return where < 0 ? against : against + ", where " + assignments(target.substring(where + " where ".length()));
    }

    static String solve(String target, String relation, String bound, String param) {
        return "Smallest whole $" + param(param) + "$ with " + lower(derivation(target)) + " $" + relation + " " + math(bound) + "$";
    }

    private static String lower(String s) { return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1); }

    /** {@code H3.d} is {@code d_{H_{3}}}, the symbol the derivation uses; a bare name is itself. */
    static String param(String ref) {
        int dot = ref.indexOf('.');
        return dot < 0 ? LatexExpr.symbol(ref.trim()) : LatexExpr.symbol(ref.substring(dot + 1).trim() + "_" + ref.substring(0, dot).trim());
    }

    private static String assignments(String text) {
        var parts = new ArrayList<String>();
        for (String a : split(text)) {
            int eq = a.indexOf('=');
            parts.add(eq < 0 ? "$" + math(a) + "$" : "$" + param(a.substring(0, eq).trim()) + " = " + math(a.substring(eq + 1).trim()) + "$");
        }
        return String.join(", ", parts);
    }

    private static String options(List<String> opts, String lead) {
        if (opts.isEmpty()) return "";
        var parts = new ArrayList<String>();
        for (String o : opts) {
            int eq = o.indexOf('=');
            parts.add(eq < 0 ? "$" + math(o) + "$" : "$" + LatexExpr.symbol(o.substring(0, eq).trim()) + " = " + math(o.substring(eq + 1).trim()) + "$");
        }
        return lead.isEmpty() ? " (" + String.join(", ", parts) + ")" : " " + lead + String.join(", ", parts);
    }

    private static String kl(String args) {
        var qp = args.split("\\|\\|");
        return qp.length == 2 ? "\\mathrm{KL}(" + math(qp[0].trim()) + " \\,\\|\\, " + math(qp[1].trim()) + ")" : args;
    }

    /** A name or a number as math; anything else as typed, in a typewriter face. */
    static String math(String s) {
        s = s.trim();
        if (IDENT.matcher(s).matches()) return LatexExpr.symbol(s);
        if (NUMBER.matcher(s).matches()) return s;
        if (s.startsWith("(") && s.endsWith(")")) {
            return "(" + String.join(", ", split(s.substring(1, s.length() - 1)).stream().map(Headings::math).toList()) + ")";
        }
        return "\\texttt{" + LatexText.escape(s) + "}";
    }

    /** Splits on top-level commas. */
    static List<String> split(String s) {
        var out = new ArrayList<String>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == ',' && depth == 0) { out.add(s.substring(start, i).trim()); start = i + 1; }
        }
        out.add(s.substring(start).trim());
        return out;
    }
}
