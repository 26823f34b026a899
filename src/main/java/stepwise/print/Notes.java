package stepwise.print;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import stepwise.ast.Expr;
import stepwise.result.Step;
import stepwise.result.Verification;

/**
 * A derivation's steps as a lecturer writes them: each chain once ({@code a = b = c}, a step that
 * starts where the last one ended continues it), each justification in words once, the two axes of a
 * 2-D stack once when they agree, and a run of identical layers said in one sentence.
 */
final class Notes {
    private Notes() {}

    /** One row of a chain: {@code lhs = links...}, or {@code = links...} when {@code lhs} is null. */
    record Line(Expr lhs, List<Expr> links, String justification, Verification failed, Step step) {
        Line(Expr lhs, List<Expr> links, String justification, Verification failed) { this(lhs, links, justification, failed, null); }
    }

    /** A heading (or null), the chain's lines, and a sentence said after them (or null). */
    record Block(String heading, List<Line> lines, String sentence) {}

    static List<Block> of(List<Step> steps) {
        var sections = Sections.of(steps);
        var merged = Sections.mergeAxes(sections);
        var blocks = new ArrayList<Block>();
        if (merged.size() < sections.size() && merged.stream().allMatch(m -> m.name().endsWith("(both axes)"))) {
            blocks.add(new Block("both axes alike, so derived once", new ArrayList<>(), null));
        }
        sections = merged;
        var explained = new HashSet<String>();
        Step previous = null;
        boolean headings = sections.stream().anyMatch(s -> s.name() != null && !s.name().matches("layer [^,]*"));
        for (int i = 0; i < sections.size(); i++) {
            var section = sections.get(i);
            int run = Sections.uniformRun(sections, i);
            String heading = headings ? section.name() : null;
            for (Step s : section.steps()) {
                // A chain that already reached its value is not followed by the same equation again.
                if (previous != null && !blocks.isEmpty() && restates(blocks.get(blocks.size() - 1), previous, s)) continue;
                boolean continues = previous != null && continues(previous, s);
                if (blocks.isEmpty() || (!continues && (heading != null && !heading.equals(blocks.get(blocks.size() - 1).heading())))) {
                    blocks.add(new Block(heading, new ArrayList<>(), null));
                }
                var block = blocks.get(blocks.size() - 1);
                if (continues && block.heading() != null && !block.heading().equals(heading)) {
                    // The chain ran on past its first section: the heading would name only part of it.
                    blocks.set(blocks.size() - 1, block = new Block(null, block.lines(), null));
                }
                var lines = block.lines();
                lines.add(line(s, continues, explained));
                previous = s;
            }
            if (run > 0) {
                var last = sections.get(i + run);
                String sentence = "layers " + Sections.layerName(sections.get(i + 1).name()) + " to " + Sections.layerName(last.name()) + ": the same step "
                        + times(run) + " more";
                var b = blocks.remove(blocks.size() - 1);
                blocks.add(new Block(b.heading(), b.lines(), sentence));
                blocks.add(new Block(null, new ArrayList<>(), null));
                previous = null;
                i += run;
                var lastSteps = sections.get(i).steps();
                // The run's last values are stated, so the next layer reads on from them.
                for (Step s : lastSteps) blocks.get(blocks.size() - 1).lines().add(new Line(s.subject(), List.of(s.after()), null, failure(s)));
            }
        }
        blocks.removeIf(b -> b.lines().isEmpty() && b.sentence() == null && (b.heading() == null || b != blocks.get(0)));
        return blocks;
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    /**
     * A step continues the last when it starts from the last one's result: its first link is that
     * result (about the same subject, or none), or its subject is ({@code E[c x] = c E[x]}, then
     * {@code c E[x] = c v}: one chain {@code E[c x] = c E[x] = c v}).
     */
    static boolean continues(Step previous, Step s) {
        if (s.subject() != null && s.subject().equals(previous.after())) return true;
        return s.chain().size() > 1 && s.before().equals(previous.after())
                && (s.subject() == null || Objects.equals(s.subject(), previous.subject()));
    }

    /**
     * The step says {@code S = v} where the block's last chain starts at {@code S} and has just reached
     * {@code v} (KL(u1 || u2) = ... = v, then "the values of the terms, added": KL(u1 || u2) = v).
     */
    static boolean restates(Block block, Step previous, Step s) {
        if (failure(s) != null || s.subject() == null || s.chain().size() != 1 || !s.after().equals(previous.after())) return false;
        Expr start = null;
        for (Line l : block.lines()) if (l.lhs() != null) start = l.lhs();
        return s.subject().equals(start);
    }

    private static Line line(Step s, boolean continues, Set<String> explained) {
        String why = Justification.texOnce(s, s.justification(), explained);
        if (continues && s.subject() != null && !s.subject().equals(s.before())) return new Line(null, s.chain(), why, failure(s), s);
        if (continues) return new Line(null, s.chain().subList(1, s.chain().size()), why, failure(s), s);
        if (s.subject() != null) return new Line(s.subject(), s.chain(), why, failure(s), s);
        if (s.chain().size() == 1) return new Line(null, s.chain(), why, failure(s), s);
        return new Line(s.before(), s.chain().subList(1, s.chain().size()), why, failure(s), s);
    }

    /**
     * The full record: one block per section, every step on its own line with its subject or its
     * starting expression, whether or not it continues the last; {@code explained} as in the notes.
     */
    static List<Block> full(List<Step> steps) {
        var blocks = new ArrayList<Block>();
        var explained = new HashSet<String>();
        for (var section : Sections.of(steps)) {
            var lines = new ArrayList<Line>();
            for (Step s : section.steps()) lines.add(line(s, false, explained));
            blocks.add(new Block(section.name(), lines, null));
        }
        return blocks;
    }

    private static Verification failure(Step s) {
        return s.verification() != null && s.verification().status() == Verification.Status.FAILED ? s.verification() : null;
    }

    /** Consecutive steps that share a section name. */
    record Section(String name, List<Step> steps) {}

    static final class Sections {
        private Sections() {}

        static List<Section> of(List<Step> steps) {
            var out = new ArrayList<Section>();
            for (Step s : steps) {
                if (out.isEmpty() || !Objects.equals(out.get(out.size() - 1).name(), s.section())) out.add(new Section(s.section(), new ArrayList<>()));
                out.get(out.size() - 1).steps().add(s);
            }
            return out;
        }

        /**
         * A 2-D stack's steps come as "layer X, height" then "layer X, width". Where both axes of every
         * layer read alike, one derivation says so once; otherwise each layer shows its axes side by side.
         */
        static List<Section> mergeAxes(List<Section> sections) {
            var height = sections.stream().filter(s -> s.name() != null && s.name().endsWith(", height")).toList();
            var width = sections.stream().filter(s -> s.name() != null && s.name().endsWith(", width")).toList();
            if (height.isEmpty() || height.size() != width.size() || height.size() + width.size() != sections.size()) return sections;
            boolean alike = true;
            for (int i = 0; i < height.size(); i++) alike &= sameSteps(height.get(i).steps(), width.get(i).steps());
            var out = new ArrayList<Section>();
            for (int i = 0; i < height.size(); i++) {
                String layer = layerName(height.get(i).name());
                if (alike) {
                    out.add(new Section("layer " + layer + " (both axes)", height.get(i).steps()));
                } else if (sameSteps(height.get(i).steps(), width.get(i).steps())) {
                    out.add(new Section("layer " + layer + ", both axes", height.get(i).steps()));
                } else {
                    out.add(height.get(i));
                    out.add(width.get(i));
                }
            }
            return out;
        }

        private static boolean sameSteps(List<Step> a, List<Step> b) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) {
                if (!Objects.equals(a.get(i).subject(), b.get(i).subject()) || !a.get(i).chain().equals(b.get(i).chain())) return false;
            }
            return true;
        }

        /** "layer conv3_1, height" is conv3_1; a name without the word layer is kept. */
        static String layerName(String section) {
            if (section == null) return "";
            String s = section.startsWith("layer ") ? section.substring(6) : section;
            int comma = s.indexOf(',');
            s = comma < 0 ? s : s.substring(0, comma);
            int paren = s.indexOf(" (");
            return paren < 0 ? s : s.substring(0, paren);
        }

        /**
         * How many sections after {@code i} repeat its step: the same rules, and each value changes
         * by the same amount from one layer to the next. Zero unless the run is at least three long
         * (the first shown in full, then "the same step twice more").
         */
        static int uniformRun(List<Section> sections, int i) {
            if (i == 0 || sections.get(i).name() == null || !sections.get(i).name().startsWith("layer ")) return 0;
            var step = increments(sections.get(i - 1), sections.get(i));
            if (step == null) return 0;
            int n = 0;
            while (i + n + 1 < sections.size()) {
                var next = increments(sections.get(i + n), sections.get(i + n + 1));
                if (!step.equals(next) || !sections.get(i + n + 1).name().startsWith("layer ")) break;
                n++;
            }
            return n >= 2 ? n : 0;
        }

        /** The rules of a layer and how much each of its values differs from the layer before; null if not numeric. */
        private static List<Object> increments(Section before, Section after) {
            if (before.steps().size() != after.steps().size()) return null;
            var out = new ArrayList<Object>();
            for (int k = 0; k < after.steps().size(); k++) {
                Step a = before.steps().get(k), b = after.steps().get(k);
                if (!a.rule().equals(b.rule()) || !(a.after() instanceof Expr.Num x) || !(b.after() instanceof Expr.Num y)) return null;
                if (b.verification() != null && b.verification().status() == Verification.Status.FAILED) return null;
                out.add(b.rule());
                out.add(y.value().subtract(x.value()));
            }
            return out;
        }
    }

    /** The line under a derivation: how many steps were checked and how. */
    static String tally(List<Step> steps) {
        long failed = Steps.count(steps, Verification.Status.FAILED), unknown = Steps.count(steps, Verification.Status.UNKNOWN);
        long ok = steps.size() - failed - unknown;
        var sb = new StringBuilder();
        if (failed == 0 && unknown == 0) sb.append(steps.size() == 1 ? "the step" : (steps.size() == 2 ? "both" : "all " + steps.size()) + " steps")
                .append(" verified");
        else sb.append(ok).append(" of ").append(steps.size()).append(" steps verified");
        sb.append(' ').append(how(steps));
        if (failed > 0) sb.append("; ").append(failed).append(failed == 1 ? " step fails its check (marked ✗)" : " steps fail their checks (marked ✗)");
        if (unknown > 0) sb.append("; ").append(unknown).append(" could not be checked");
        return sb.toString();
    }

    /** How the steps were checked, in words: one method, or each with its count; random points when numeric. */
    private static String how(List<Step> steps) {
        var methods = new java.util.LinkedHashMap<String, Integer>();
        var points = new java.util.TreeSet<Integer>();
        for (Step s : steps) {
            if (s.verification() == null) continue;
            String m = words(s.verification().method());
            methods.merge(m, 1, Integer::sum);
            if (m.equals("numerically") && !s.verification().points().isEmpty()) points.add(s.verification().points().size());
        }
        String pts = points.size() == 1 ? " (" + points.first() + " random points" + (methods.getOrDefault("numerically", 0) > 1 ? " each" : "") + ")" : "";
        if (methods.size() == 1) return methods.keySet().iterator().next() + pts;
        var parts = new ArrayList<String>();
        methods.forEach((m, n) -> parts.add(m.equals("as definitions") ? n + (n == 1 ? " is a definition" : " are definitions")
                : n + " " + m + (m.equals("numerically") ? pts : "")));
        parts.sort(java.util.Comparator.comparing(p -> p.contains("definition")));
        return "(" + String.join(", ", parts) + ")";
    }

    private static String words(String method) {
        return switch (method == null ? "" : method) {
            case "brute-force" -> "by brute force";
            case "quadrature", "numeric", "symbolic" -> "numerically";
            case "direct-convolution" -> "by direct convolution";
            case "exact" -> "exactly";
            case "definition" -> "as definitions";
            default -> "by " + method;
        };
    }
}
