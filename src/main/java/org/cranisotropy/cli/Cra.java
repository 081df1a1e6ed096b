package org.cranisotropy.cli;

import java.io.PrintWriter;
import org.cranisotropy.io.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cra} command line: one subcommand per step of the analysis. */
@Command(
        name = "cra",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Dipole and low-multipole anisotropy of cosmic-ray electron+positron arrival directions.",
        subcommands = {RunCommand.class, SqlCommand.class, ExposureCommand.class, GenerateCommand.class, AnalyzeCommand.class, SimulateCommand.class,
            LimitsCommand.class, ReportCommand.class, AssociateCommand.class, AlmCommand.class, MapCommand.class,
            LimitCommand.class, BenchCommand.class, ModelCommand.class, ValidateCommand.class,
            CommandLine.HelpCommand.class})
public final class Cra implements Runnable {
    /** Exit code for input the tool rejects (bad file content, bad option value). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs cra with the given arguments and streams; returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // one line naming the setting to raise, not a stack trace (the heap is free again once unwound)
            err.printf(java.util.Locale.ROOT, "cra: out of memory: the Java heap (at most %d MB) is too small for this "
                    + "data; raise it with CRA_JAVA_OPTS=-Xmx8g (submit/cra) or --driver-memory 8g (spark-submit)%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            err.flush();
            return EXIT_OUT_OF_MEMORY;
        }
    }

    /** Exit code when the heap is too small for the data. */
    static final int EXIT_OUT_OF_MEMORY = 3;

    /** "cra" for the top level, "cra SUB" for a subcommand (messages start with it). */
    private static String name(CommandLine c, CommandLine top) {
        return c == top ? "cra" : "cra " + c.getCommandName();
    }

    /** The cra command line with its streams and the one-line error handling of exit code 2. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Cra());
        // hdfs://, s3a://, file: and bare paths alike (picocli's own conversion would take a URI as a relative path)
        cli.registerConverter(java.nio.file.Path.class, org.cranisotropy.io.StoragePath::of);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println(name(c, cli) + ": error: " + e.getMessage()
                    + " (see 'cra " + (c == cli ? "" : c.getCommandName() + " ") + "--help')");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof StepFailed f) { // the step has printed its own error: pass its exit code on
                commandLine.getErr().println(name(commandLine, cli) + ": " + f.getMessage());
                return f.code();
            }
            if (e instanceof BadInputException || e instanceof IllegalArgumentException
                    || e instanceof com.typesafe.config.ConfigException) { // a bad configuration value: file, line, key
                commandLine.getErr().println(name(commandLine, cli) + ": error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }

    /** A step of {@code cra run} that ended with a non-zero exit code, after printing its own error. */
    static final class StepFailed extends RuntimeException {
        private final int code;

        StepFailed(String step, int code) {
            super("step " + step + " failed (exit " + code + ")");
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
