package stepwise.pytorch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import stepwise.ast.Span;
import stepwise.diag.BadInput;

/**
 * One module as {@code print(model)} shows it: {@code (name): Type(arguments)} on one line, or
 * {@code (name): Type(} opening a container whose children follow, one per line, up to a line
 * holding only {@code )}. Newer PyTorch prints a run of identical modules once, as
 * {@code (0-2): 3 x Type(...)}; such a run is read as that many copies.
 */
record PrintedModule(String name, String type, String args, List<PrintedModule> children, Span span, boolean container) {

    private static final Pattern LINE = Pattern.compile(
            "^(?:\\((?<name>[^)]*)\\):\\s*)?(?:(?<times>\\d+) x )?(?<type>[A-Za-z_][\\w.]*)\\((?<rest>.*)$");

    /** Reads the printed text of a model; line and column locate its first character in the file. */
    static PrintedModule parse(String text, int line, int column) {
        String[] lines = text.split("\n", -1);
        var stack = new ArrayList<Builder>();
        PrintedModule root = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String trimmed = raw.strip();
            if (trimmed.isEmpty()) continue;
            int indent = raw.indexOf(trimmed.charAt(0));
            Span span = new Span(line + i, (i == 0 ? column : 1) + indent, trimmed.length());
            if (root != null) throw new BadInput(span, "text after the end of the printed model");
            if (trimmed.equals(")")) {
                if (stack.isEmpty()) throw new BadInput(span, "')' closes nothing: the printed model has more ')' lines than containers");
                var done = stack.remove(stack.size() - 1);
                var built = done.build();
                if (stack.isEmpty()) root = built; else stack.get(stack.size() - 1).addAll(done.times, built);
                continue;
            }
            var m = LINE.matcher(trimmed);
            if (!m.matches()) {
                throw new BadInput(span, "cannot read this line as print(model) prints a module: expected (name): Type(...)");
            }
            int times = m.group("times") == null ? 1 : Integer.parseInt(m.group("times"));
            String name = m.group("name") == null ? "" : m.group("name");
            String rest = m.group("rest");
            if (rest.isEmpty()) {
                stack.add(new Builder(name, m.group("type"), span, times));
                continue;
            }
            if (!rest.endsWith(")") || !balanced(rest.substring(0, rest.length() - 1))) {
                throw new BadInput(span, "unbalanced parentheses: a module is printed on one line as Type(...), or as Type( with its children below");
            }
            var leaf = new PrintedModule(name, m.group("type"), rest.substring(0, rest.length() - 1), List.of(), span, false);
            if (stack.isEmpty()) root = leaf; else stack.get(stack.size() - 1).addAll(times, leaf);
        }
        if (!stack.isEmpty()) {
            var open = stack.get(stack.size() - 1);
            throw new BadInput(open.span, open.type + "( is not closed: the printed model needs a ')' line for it");
        }
        if (root == null) throw new BadInput(new Span(line, column, 3), "the printed model is empty: paste what print(model) prints");
        return root;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    private static final class Builder {
        final String name, type;
        final Span span;
        final int times;
        final List<PrintedModule> children = new ArrayList<>();

        Builder(String name, String type, Span span, int times) {
            this.name = name;
            this.type = type;
            this.span = span;
            this.times = times;
        }

        /** A child, or a run of identical children named first-last: each gets its own index. */
        void addAll(int times, PrintedModule child) {
            if (times == 1) { children.add(child); return; }
            int first = 0;
            String[] range = child.name().split("-");
            if (range.length == 2 && range[0].matches("\\d+")) first = Integer.parseInt(range[0]);
            for (int i = 0; i < times; i++) children.add(child.renamed(String.valueOf(first + i)));
        }

        PrintedModule build() { return new PrintedModule(name, type, "", children, span, true); }
    }

    PrintedModule renamed(String other) { return new PrintedModule(other, type, args, children, span, container); }
}
