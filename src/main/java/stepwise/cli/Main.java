package stepwise.cli;

import picocli.CommandLine;
import stepwise.cas.Silence;

/** Entry point of {@code stepwise.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Silence.apply();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 ok, 1 a failed check, 2 bad input or usage). */
    public static int run(String... args) {
        var cli = new CommandLine(new StepwiseCommand());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("stepwise: internal error: " + ex + " (please report this with the input that caused it)");
            cmd.getErr().flush();
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }
}
