package org.srstudio.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: sub-commands for batch work; with no sub-command the launcher opens the GUI. */
@Command(name = "srstudio", mixinStandardHelpOptions = true, versionProvider = SrStudioCommand.Version.class,
        description = "SR Studio: compare image super-resolution models. Without a sub-command, opens the studio.",
        subcommands = {UpscaleCommand.class, ModelsCommand.class, ScoreCommand.class, FitNiqeCommand.class, BenchCommand.class})
public final class SrStudioCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--smoke", description = "Check this installation offline: load the default model, "
            + "upscale a built-in sample, score it, and exit 0 when all of that works.")
    boolean smoke;

    private final ServicesFactory services;

    SrStudioCommand(ServicesFactory services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        if (smoke) {
            return SmokeCheck.run(services, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * A command line whose errors are one sentence on stderr and never a stack trace: usage mistakes exit 2,
     * failed work exits 1.
     */
    public static CommandLine commandLine(ServicesFactory services, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SrStudioCommand(services), new Factory(services));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine where = ex.getCommandLine();
            where.getErr().println("srstudio: " + sentence(ex.getMessage()) + " Run '"
                    + where.getCommandSpec().qualifiedName() + " --help' for usage.");
            where.getErr().flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, where, parseResult) -> {
            where.getErr().println("srstudio: " + sentence(ex.getMessage() != null ? ex.getMessage()
                    : "an unexpected " + ex.getClass().getSimpleName() + " occurred"));
            where.getErr().flush();
            return 1;
        });
        return cli;
    }

    /** The names the root command dispatches on. */
    public static java.util.Set<String> subcommandNames() {
        return java.util.Arrays.stream(SrStudioCommand.class.getAnnotation(Command.class).subcommands())
                .map(c -> c.getAnnotation(Command.class).name()).collect(java.util.stream.Collectors.toSet());
    }

    static String sentence(String message) {
        String m = message.strip();
        if (m.isEmpty()) {
            return "Something went wrong.";
        }
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") || m.endsWith("?") || m.endsWith("!") ? m : m + ".";
    }

    /** Gives sub-commands the services factory through their constructors. */
    private record Factory(ServicesFactory services) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var constructor : cls.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == ServicesFactory.class) {
                    constructor.setAccessible(true);
                    return cls.cast(constructor.newInstance(services));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SrStudioCommand.class.getPackage().getImplementationVersion();
            return new String[] {"SR Studio " + (v == null ? "dev" : v)};
        }
    }
}
