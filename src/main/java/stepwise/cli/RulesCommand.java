package stepwise.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import stepwise.rules.Rule;
import stepwise.rules.RuleFamily;
import stepwise.rules.Rules;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists every named rule with its statement.")
final class RulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override public Integer call() {
        var out = spec.commandLine().getOut();
        int width = Rules.FAMILIES.stream().flatMap(f -> f.rules().stream()).mapToInt(r -> r.id().length()).max().orElse(0);
        for (RuleFamily family : Rules.FAMILIES) {
            out.println(family.title() + " (" + family.prefix() + "-)");
            for (Rule r : family.rules()) {
                out.println("  " + r.id() + " ".repeat(width - r.id().length() + 2) + r.statement());
                if (r.condition() != null) out.println("  " + " ".repeat(width + 2) + "when: " + r.condition());
            }
            out.println();
        }
        out.flush();
        return ExitCodes.OK;
    }
}
