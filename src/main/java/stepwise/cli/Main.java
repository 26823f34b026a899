package stepwise.cli;

import picocli.CommandLine;
import stepwise.cas.Silence;

/** Entry point of {@code stepwise.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Silence.apply();
        EarlyStart.fromArguments(args);
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 ok, 1 a failed check, 2 bad input or usage). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, writing to the given streams. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        var cli = new CommandLine(new StepwiseCommand());
        for (Object sub : StepwiseCommand.subcommandsFor(args)) cli.addSubcommand(sub);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("stepwise: internal error: " + ex + " (please report this with the input that caused it)");
            cmd.getErr().flush();
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }
}
