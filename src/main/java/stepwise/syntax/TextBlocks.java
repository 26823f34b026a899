package stepwise.syntax;

/** Removes the indentation that a triple-quoted block shares with the code around it. */
final class TextBlocks {
    private TextBlocks() {}

    static String dedent(String text) {
        String[] lines = text.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || i == 0) continue;
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) indent++;
            common = Math.min(common, indent);
        }
        if (common == Integer.MAX_VALUE) common = 0;
        var sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) sb.append('\n');
            sb.append(i == 0 ? line.strip() : line.length() >= common ? line.substring(common).stripTrailing() : line.strip());
        }
        return sb.toString().strip();
    }
}
