package racebench.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/reference/commands.md is every command's {@code --help}, generated from the command line
 * itself, so it cannot drift from it. After a change of an option, regenerate it with
 * {@code ./racebench test -Dtest=CommandsReferenceTest -Dracebench.regenerate=true}.
 */
class CommandsReferenceTest {
    static final Path FILE = Path.of("docs/reference/commands.md");

    static String generate() {
        StringBuilder md = new StringBuilder("""
                # Commands and options

                Generated from racebench's command line (`CommandsReferenceTest`): each command's `--help`,
                as `./racebench <command> --help` prints it. Exit codes, the same for every command: 0 all
                good; 1 a finding (a race in a fix, a race not reproduced, a regression); 2 bad usage or
                input, one line, nothing written; 3 jcstress, JMH or a child JVM failed.
                """);
        CommandLine root = Main.commandLine();
        List<CommandLine> commands = new ArrayList<>();
        commands.add(root);
        root.getSubcommands().forEach((name, cl) -> {
            if (!cl.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
                commands.add(cl);
                commands.addAll(cl.getSubcommands().values());
            }
        });
        for (CommandLine cl : commands) {
            StringWriter help = new StringWriter();
            cl.usage(new PrintWriter(help), CommandLine.Help.Ansi.OFF);
            md.append("\n## ").append(cl.getCommandSpec().qualifiedName()).append("\n\n```\n")
                    .append(help.toString().stripTrailing()).append("\n```\n");
        }
        return md.toString();
    }

    @Test
    void theReferenceIsTheCommandLinesOwnHelp() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("racebench.regenerate")) {
            Files.writeString(FILE, generated);
        }
        assertEquals(generated, Files.readString(FILE), FILE + " differs from the command line's help; regenerate it "
                + "with ./racebench test -Dtest=CommandsReferenceTest -Dracebench.regenerate=true");
    }
}
