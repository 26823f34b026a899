package stepwise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import stepwise.Report;
import stepwise.Stepwise;
import stepwise.diag.BadInput;
import stepwise.print.Printer;

@Command(name = "derive", mixinStandardHelpOptions = true,
        description = "Runs every statement of FILE.deriv in order and prints the derivations.")
final class DeriveCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.deriv", description = "the file to derive")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown, latex or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write to OUT (atomically) instead of standard output")
    Path output;

    @Option(names = "--standalone", description = "with --format latex: a whole document that pdflatex compiles")
    boolean standalone;

    @Override public Integer call() {
        Printer printer;
        try {
            printer = Printer.forFormat(format, standalone);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        var err = spec.commandLine().getErr();
        try {
            Report report = Stepwise.deriveEach(file.toString(), InputFile.read(file));
            // What could be derived is printed; then every statement that could not run, at its line.
            if (!report.results().isEmpty() || report.errors().isEmpty()) Output.write(printer.print(report), output, file, spec.commandLine().getOut());
            if (!report.errors().isEmpty()) return Diagnostics.report(new BadInput(report.errors()), file, err);
            return report.ok() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        } catch (BadInput e) {
            return Diagnostics.report(e, file, err);
        }
    }
}
