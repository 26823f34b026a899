package stepwise.print;

/** A quantity of one axis of a 2-D stack, named {@code RF_c1^(h)} by the derivation: its name and its axis. */
record AxisTag(String base, String axis) {
    static AxisTag of(String name) {
        int hat = name.lastIndexOf("^(");
        if (hat <= 0 || !name.endsWith(")") || hat + 3 >= name.length()) return null;
        return new AxisTag(name.substring(0, hat), name.substring(hat + 2, name.length() - 1));
    }
}
