package dev.sluice.server;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code sluice serve [options]} (the default command), {@code sluice --version}. */
@Command(
        name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        subcommands = {ServeCommand.class, CommandLine.HelpCommand.class},
        description = "A self-hosted, durable Amazon SQS server.")
public final class Main implements Runnable {
    private static final Set<String> TOP_LEVEL = Set.of("serve", "help", "--help", "-h", "--version", "-V");

    public static void main(String[] args) {
        int exitCode = run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs the command line and returns its exit code; {@code serve} returns only after a shutdown. */
    static int run(String... args) {
        return new CommandLine(new Main()).execute(withDefaultCommand(args));
    }

    /** {@code serve} is implied when no command is named ({@code sluice --port 9000}). */
    static String[] withDefaultCommand(String... args) {
        if (args.length > 0 && TOP_LEVEL.contains(args[0])) {
            return args;
        }
        String[] withServe = new String[args.length + 1];
        withServe[0] = "serve";
        System.arraycopy(args, 0, withServe, 1, args.length);
        return withServe;
    }

    @Override
    public void run() {
        // only reached with no command at all, which withDefaultCommand turns into serve
    }

    /** Reports the version the build wrote into the jar. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return List.of("Sluice " + Version.current()).toArray(String[]::new);
        }
    }
}
