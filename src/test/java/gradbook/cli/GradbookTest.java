package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    // Review finding F4: a command that runs out of memory ends in one line that says how to
    // give Java more, and exit code 1, not a stack trace, whatever the command.
    @Test
    void running_out_of_memory_in_a_command_ends_in_one_line_that_says_how_to_give_more() {
        // given a command that runs out of memory
        Exhausting command = new Exhausting(new OutOfMemoryError("Java heap space"));

        // when
        Cli.Result r = execute(command);

        // then
        assertEquals(1, r.exit(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(r.err().startsWith("gradbook: out of memory: this needs more than the ")
                && r.err().contains("-Xmx4g"), r.toString());
        Cli.assertClearMessages(r);
    }

    @Test
    void running_out_of_memory_in_a_worker_thread_is_named_as_such_not_as_an_internal_error() {
        // given the failure as batch's pool passes it on, wrapped
        Exhausting command = new Exhausting(new IllegalStateException("a template's task"
                + " failed", new OutOfMemoryError("Java heap space")));

        // when
        Cli.Result r = execute(command);

        // then
        assertEquals(1, r.exit(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(r.err().startsWith("gradbook: out of memory: "), r.toString());
        Cli.assertClearMessages(r);
    }

    @Test
    void verbose_adds_the_stack_trace_of_running_out_of_memory() {
        // given
        Exhausting command = new Exhausting(new OutOfMemoryError("Java heap space"));

        // when
        Cli.Result r = execute(command, "-v");

        // then
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.errLines().get(0).startsWith("gradbook: out of memory: "), r.toString());
        assertTrue(r.err().contains("java.lang.OutOfMemoryError: Java heap space")
                && r.err().contains("\tat "), r.toString());
    }

    // The command line main runs, with one more subcommand that fails as a real one could.
    private static Cli.Result execute(Exhausting command, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Gradbook.commandLine().addSubcommand("exhaust", command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] args = new String[options.length + 1];
        args[0] = "exhaust";
        System.arraycopy(options, 0, args, 1, options.length);
        int exit = cl.execute(args);
        return new Cli.Result(exit, out.toString(), err.toString());
    }

    @Command(name = "exhaust")
    static final class Exhausting implements Callable<Integer> {
        private final Throwable failure;

        @Option(names = {"-v", "--verbose"})
        boolean verbose;

        Exhausting(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (Exception) failure;
        }
    }
}
