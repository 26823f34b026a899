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

    @Option(names = "--style", defaultValue = "notes", paramLabel = "notes|full",
            description = "LaTeX and Markdown: notes (each chain once, reasons in words) or full (rule ids and marks on every step)")
    String style;

    /** With Markdown written to a file, the base of its plots' names (notes.md: notes); otherwise null. */
    private String plotBase() {
        if (!format.equals("markdown") || output == null) return null;
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override public Integer call() {
        Printer printer;
        try {
            printer = Printer.forFormat(format, standalone, stepwise.print.Style.parse(style));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        var err = spec.commandLine().getErr();
        try {
            Report report = Stepwise.deriveEach(file.toString(), InputFile.read(file));
            String plotBase = plotBase();
            if (plotBase != null) printer = new stepwise.print.MarkdownPrinter(stepwise.print.Style.parse(style), plotBase);
            // What could be derived is printed; then every statement that could not run, at its line.
            if (!report.results().isEmpty() || report.errors().isEmpty()) {
                Output.write(printer.print(report), output, file, spec.commandLine().getOut());
                if (plotBase != null) {
                    // Each sweep's plot as an SVG beside the Markdown file, named after it: notes.md, notes-sweep-1.svg.
                    Path dir = output.toAbsolutePath().getParent();
                    stepwise.print.MarkdownPrinter.plots(report, plotBase).forEach((name, svg) -> Output.write(svg, dir.resolve(name), file, null));
                }
            }
            if (!report.errors().isEmpty()) return Diagnostics.report(new BadInput(report.errors()), file, err);
            return report.ok() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        } catch (BadInput e) {
            return Diagnostics.report(e, file, err);
        }
    }
}
