package stepwise.cli;

/** The exit statuses of the SPEC, plus one for a bug of ours. */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 3;
}
