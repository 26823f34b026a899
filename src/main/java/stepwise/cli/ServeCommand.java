package stepwise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import stepwise.serve.LiveServer;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a live page on 127.0.0.1: FILE.deriv in an editor, its derivations beside it, sliders for its what-ifs.")
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.deriv", arity = "0..1", description = "the file to show and follow (saved only when the page asks)")
    Path file;

    @Option(names = "--port", defaultValue = "8137", paramLabel = "N", description = "the port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free port)")
    int port;

    @Override public Integer call() throws InterruptedException {
        var err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (file != null && Files.isDirectory(file)) {
            err.println(file + ": error: is a directory, not a file");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (file != null && (file.toAbsolutePath().getParent() == null || !Files.isDirectory(file.toAbsolutePath().getParent()))) {
            err.println(file + ": error: no such folder");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        LiveServer server;
        try {
            server = LiveServer.start(file, port);
        } catch (IOException e) {
            err.println("stepwise: error: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        var out = spec.commandLine().getOut();
        out.println("Serving " + (file == null ? "an unsaved text" : file) + " at " + server.uri() + "  (Ctrl-C stops)");
        out.flush();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.OK;
    }
}
