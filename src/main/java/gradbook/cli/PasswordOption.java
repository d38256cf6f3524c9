package gradbook.cli;

import picocli.CommandLine.Option;

/**
 * The password of a password-protected workbook: every command that reads one takes it, since
 * the refusal of a protected workbook tells the user to give it with this option.
 */
final class PasswordOption {
    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Open a password-protected workbook (asked for when no value is"
                    + " given); a workbook written from it is protected with the same password.")
    String password;
}
