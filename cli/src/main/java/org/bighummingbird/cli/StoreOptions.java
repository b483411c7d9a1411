package org.bighummingbird.cli;

import java.nio.file.Path;
import org.bighummingbird.core.BhbException;
import org.bighummingbird.core.Names;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every reading command shares: which store ({@code --home}) and which project. A
 * subcommand's options fall back to its parent's, so {@code bhb models --project P show TAG} and
 * {@code bhb models show TAG --project P} mean the same.
 */
final class StoreOptions {
    // Not required=true: picocli would then demand it of `models` even when `models show` carries it.
    @Option(names = "--project", paramLabel = "PROJECT", converter = ProjectName.class,
            description = "The project to read (required).")
    String project;

    @Option(names = "--home", paramLabel = "DIR",
            description = "The store's directory. Default: -Dbhb.home, else $BHB_HOME, else ~/.bighummingbird.")
    Path home;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** These options, with what they leave out taken from {@code parent}'s. */
    StoreOptions orElse(StoreOptions parent) {
        StoreOptions merged = new StoreOptions();
        merged.project = project != null ? project : parent.project;
        merged.home = home != null ? home : parent.home;
        merged.command = command;
        return merged;
    }

    /**
     * The project's name.
     *
     * @throws ParameterException (a usage error) when {@code --project} was not given
     */
    String project() {
        if (project == null) {
            throw new ParameterException(command.commandLine(), "Missing required option: '--project=PROJECT'");
        }
        return project;
    }

    /** {@code --home}, else {@code bhb.home}, else {@code BHB_HOME}, else {@code ~/.bighummingbird}. */
    Path home() {
        Path dir = home != null ? home : defaultHome();
        return dir.toAbsolutePath().normalize();
    }

    static Path defaultHome() {
        String value = System.getProperty("bhb.home");
        if (value == null || value.isBlank()) {
            value = System.getenv("BHB_HOME");
        }
        if (value == null || value.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".bighummingbird");
        }
        return Path.of(value.trim());
    }

    /** Rejects names no project can have while parsing, so they are usage errors (exit 2). */
    static final class ProjectName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Names.requireValid("project name", value);
            } catch (BhbException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
