package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

// The command line main builds: only the subcommand asked for, or all of them.
class GradbookTest {
    @Test
    void a_named_subcommand_is_the_only_one_built() {
        CommandLine cl = Gradbook.commandLine("run", "templates/worked-example.xlsx");

        assertEquals(List.of("run"), List.copyOf(cl.getSubcommands().keySet()));
    }

    @Test
    void help_and_anything_else_get_every_subcommand() {
        List<String> all = List.of("run", "batch", "check", "key", "new", "help");
        for (String[] args : List.of(new String[] {}, new String[] {"--help"},
                new String[] {"help", "run"}, new String[] {"rn"})) {
            assertEquals(all, List.copyOf(Gradbook.commandLine(args).getSubcommands().keySet()),
                    String.join(" ", args));
        }
    }

    @Test
    void help_lists_every_subcommand_as_main_runs_it() {
        StringWriter out = new StringWriter();
        int exit = Gradbook.commandLine("--help").setOut(new PrintWriter(out)).execute("--help");

        assertEquals(0, exit);
        for (String name : List.of("run", "batch", "check", "key")) {
            assertTrue(out.toString().contains("\n  " + name + " "), name + " in " + out);
        }
    }
}
