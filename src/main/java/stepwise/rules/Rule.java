package stepwise.rules;

/** A named rule: a stable kebab-case id with its family's prefix, a one-line statement, an optional side condition. */
public record Rule(String id, String statement, String condition) {
    public Rule {
        if (!id.matches("[a-z]+(-[a-z0-9]+)+")) throw new IllegalArgumentException("rule id must be kebab-case with a family prefix, got " + id);
        if (statement.isBlank()) throw new IllegalArgumentException("rule " + id + " needs a statement");
    }

    public static Rule of(String id, String statement) { return new Rule(id, statement, null); }

    public static Rule of(String id, String statement, String condition) { return new Rule(id, statement, condition); }
}
