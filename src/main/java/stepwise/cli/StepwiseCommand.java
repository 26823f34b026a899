package stepwise.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

@Command(name = "stepwise", mixinStandardHelpOptions = true, version = "stepwise 0.1.0",
        description = "Derives deep-learning arithmetic step by step, and checks every step.")
final class StepwiseCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /**
     * The subcommands, by name, in the order help lists them. picocli reads each one's annotations
     * by reflection when it is added, the largest part of a short run's start-up; so a command line
     * that names one gets only that one, and any other (help, a typo) gets them all.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("derive", DeriveCommand::new);
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("rules", RulesCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
    }

    /** The subcommands a command line needs: the one it names first, or all of them. */
    static List<Object> subcommandsFor(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) return List.of(SUBCOMMANDS.get(args[0]).get());
        return SUBCOMMANDS.values().stream().map(Supplier::get).toList();
    }

    @Override public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: derive, check or rules");
    }
}
