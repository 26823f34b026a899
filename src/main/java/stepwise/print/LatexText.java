package stepwise.print;

/** Escapes plain words for LaTeX text mode. */
final class LatexText {
    private LatexText() {}

    static String escape(String s) {
        var sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '_', '{', '}', '%', '&', '#', '$' -> sb.append('\\').append(c);
                case '^' -> sb.append("\\^{}");
                case '~' -> sb.append("\\~{}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
