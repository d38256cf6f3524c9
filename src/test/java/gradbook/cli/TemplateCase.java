package gradbook.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One test case: the worked example's template with one edit, in a folder of its own, its
 * bytes as they were before the run, and where the run writes.
 */
final class TemplateCase {
    final Path template;
    final Path output;
    final Cli.Snapshot before;

    TemplateCase(Class<?> test, String name, Consumer<XSSFWorkbook> edit) {
        Path folder = Fixtures.folder(test, name);
        template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), edit);
        output = folder.resolve("out.xlsx");
        before = Cli.Snapshot.of(template);
    }

    Cli.Result run(Object... more) {
        Object[] args = new Object[4 + more.length];
        args[0] = "run";
        args[1] = template;
        args[2] = "-o";
        args[3] = output;
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }
}
