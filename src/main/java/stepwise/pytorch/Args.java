package stepwise.pytorch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one printed module, {@code 3, 64, kernel_size=(7, 7), stride=(2, 2), bias=False}:
 * named ones with their values (a tuple gives one value per axis), positional ones (channels) dropped.
 */
record Args(Map<String, List<String>> named) {

    static Args parse(PrintedModule m) {
        var named = new LinkedHashMap<String, List<String>>();
        for (String part : split(m.args())) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String key = part.substring(0, eq).strip(), value = part.substring(eq + 1).strip();
            named.put(key, values(value));
        }
        return new Args(named);
    }

    /** {@code (3, 3)} is two values, {@code (3,)} one, {@code 3} one, {@code None} none. */
    private static List<String> values(String value) {
        if (value.equals("None")) return List.of();
        if (value.startsWith("(") && value.endsWith(")")) {
            var out = new ArrayList<String>();
            for (String v : value.substring(1, value.length() - 1).split(",")) if (!v.isBlank()) out.add(v.strip());
            return out;
        }
        return List.of(value);
    }

    /** Splits at the commas that are not inside parentheses or quotes. */
    private static List<String> split(String args) {
        var out = new ArrayList<String>();
        int depth = 0, start = 0;
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                out.add(args.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (start < args.length()) out.add(args.substring(start).strip());
        return out;
    }
}
