package stepwise.cli;

import picocli.CommandLine.Command;

@Command(name = "stepwise", mixinStandardHelpOptions = true, version = "stepwise 0.1.0",
        description = "Derives deep-learning arithmetic step by step, and checks every step.",
        subcommands = {DeriveCommand.class, CheckCommand.class, RulesCommand.class, ServeCommand.class})
final class StepwiseCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: derive, check or rules");
    }
}
