package gradbook.cli;

import java.io.Console;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The password of a password-protected workbook: every command that reads one takes it, since
 * the refusal of a protected workbook tells the user to give it with this option.
 *
 * <p>Given without a value, the password is asked for at the terminal, without echo. picocli's
 * own prompt would do so only while Java has a console, and otherwise write the prompt to
 * standard output and read standard input: into the answer key a user redirects to a file, and
 * from the list of templates {@code batch --from -} reads. So where there is no terminal, the
 * command stops and says to give the password as a value.
 */
final class PasswordOption {
    /** What picocli gives when the option comes without a value; no password is this. */
    private static final String ASK = "\0ask";

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", fallbackValue = ASK,
            description = "Open a password-protected workbook (asked for at the terminal when"
                    + " no value is given); a workbook written from it is protected with the"
                    + " same password.")
    private String given;

    /**
     * The password given, or asked for now at the terminal; null when the option was not given.
     *
     * @throws CommandLine.ParameterException when it must be asked for and there is no terminal
     */
    String password(CommandLine command) {
        if (!ASK.equals(given)) {
            return given;
        }
        // Java has a console only when both standard input and standard output are a terminal.
        Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(command, "--password without a value asks"
                    + " for the password at the terminal, but standard input or output is not"
                    + " a terminal here; give it as --password=PASSWORD");
        }
        char[] typed = console.readPassword("Password: ");
        given = typed == null ? "" : new String(typed);
        return given;
    }
}
