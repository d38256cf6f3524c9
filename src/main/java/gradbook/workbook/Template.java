package gradbook.workbook;

import gradbook.core.Network;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A template as read: its workbook, kept in memory to be written out again with the generated
 * sheets, the network it defines, and where each input came from.
 *
 * @param warnings what was read but deserves a look (a number stored as text, a name defined
 *     on several sheets), one line each
 * @param notes what a verbose run reports about the reading (a regeneration, macros dropped)
 * @param password the password that opened an encrypted template, so that the output is
 *     encrypted the same way; null for a template without one
 * @param layout how the template lays out weights and samples, which the output follows
 */
public record Template(Path file, XSSFWorkbook workbook, Network network,
        Map<String, InputArea> inputs, List<String> warnings, List<String> notes,
        String password, TemplateLayout layout) {

    public Template {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public Template(Path file, XSSFWorkbook workbook, Network network,
            Map<String, InputArea> inputs) {
        this(file, workbook, network, inputs, List.of(), List.of(), null);
    }

    /** A template in the document's layout. */
    public Template(Path file, XSSFWorkbook workbook, Network network,
            Map<String, InputArea> inputs, List<String> warnings, List<String> notes,
            String password) {
        this(file, workbook, network, inputs, warnings, notes, password, TemplateLayout.DEFAULT);
    }

    /** The file name alone, as messages and document properties give it. */
    public String fileName() {
        return file.getFileName().toString();
    }
}
