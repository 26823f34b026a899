package stepwise.rules;

import java.util.List;

/** The rules of one family, sharing an id prefix ({@code rf-}, {@code size-}, ...). */
public record RuleFamily(String prefix, String title, List<Rule> rules) {
    public RuleFamily {
        rules = List.copyOf(rules);
        for (Rule r : rules) {
            if (!r.id().startsWith(prefix + "-")) throw new IllegalArgumentException(r.id() + " is not in family " + prefix);
        }
    }
}
