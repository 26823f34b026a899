package stepwise.serve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import stepwise.ast.Statement;

/**
 * What a statement may read from the statements before it: the stacks, matrices, distributions and
 * named numbers whose names it mentions, and those that these mention in turn. A statement whose
 * own text and whose declarations' texts are unchanged gives the same results, so the page can
 * reuse them: an edit of the KL's distribution does not re-derive a receptive field.
 */
final class Declarations {
    private Declarations() {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static boolean is(Statement s) {
        return s instanceof Statement.StackDecl || s instanceof Statement.LetDecl || s instanceof Statement.DistDecl
                || s instanceof Statement.NumberDecl;
    }

    static List<String> names(Statement s) {
        if (s instanceof Statement.StackDecl d) return List.of(d.name());
        if (s instanceof Statement.LetDecl d) return List.of(d.name());
        if (s instanceof Statement.DistDecl d) return List.of(d.name());
        if (s instanceof Statement.NumberDecl d) return d.numbers().stream().map(Statement.NamedNumber::name).toList();
        return List.of();
    }

    /** A declaration before the statement, with its text. */
    record Source(Statement statement, String text) {}

    /** The texts of the declarations {@code source} reads, directly or through others, in file order. */
    static String readBy(String source, List<Source> before) {
        Set<String> mentioned = tokens(source);
        boolean[] read = new boolean[before.size()];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < before.size(); i++) {
                if (read[i] || names(before.get(i).statement()).stream().noneMatch(mentioned::contains)) continue;
                read[i] = true;
                mentioned.addAll(tokens(before.get(i).text()));
                grew = true;
            }
        }
        var out = new StringBuilder();
        for (int i = 0; i < before.size(); i++) if (read[i]) out.append(before.get(i).text()).append('\n');
        return out.toString();
    }

    private static Set<String> tokens(String text) {
        var out = new HashSet<String>();
        Matcher m = NAME.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    static List<Source> sources(List<Statement> statements, SourceLines lines) {
        var out = new ArrayList<Source>();
        for (Statement s : statements) if (is(s)) out.add(new Source(s, lines.slice(s.span())));
        return out;
    }
}
