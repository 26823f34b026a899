package stepwise.algebra;

/** Names that stand for mathematical constants rather than free symbols. */
public final class Constants {
    private Constants() {}

    public static boolean isConstant(String name) { return name.equals("pi") || name.equals("infinity"); }
}
