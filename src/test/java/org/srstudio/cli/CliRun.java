package org.srstudio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.srstudio.app.Studio;
import org.srstudio.app.StudioPaths;

/** Runs the CLI in-process against temporary model and data folders, capturing both streams. */
record CliRun(int exitCode, String out, String err) {
    static CliRun run(Path models, Path data, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StudioPaths paths = new StudioPaths(models, data);
        int code = SrStudioCommand.commandLine(Studio.cliServices(paths),
                new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    long errorLines() {
        return err.lines().filter(l -> l.startsWith("srstudio: ")).count();
    }

    boolean hasStackTrace() {
        return err.contains("\tat ") || err.contains("Exception:") || out.contains("\tat ");
    }
}
