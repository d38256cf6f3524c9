package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gradbook.core.Quantity;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Issue #4: each label cell carries a comment saying in words what the quantity is. */
class LabelCommentsTest {
    private static final Path FOLDER = Path.of("target", "label-comments");

    @Test
    void comments_every_label_with_its_meaning_and_name() throws Exception {
        // given
        Generated g = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "example");

        // when
        Map<String, String> comments;
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            comments = RoundTripCheck.labelComments(wb, g.sheets());
        }

        // then
        for (Quantity q : g.trace().quantities()) {
            assertEquals(LabelComments.text(q), comments.get(q.notation()),
                    "comment on the label " + q.notation());
        }
        assertEquals(g.trace().quantities().size() + 1, comments.size(),
                "labels with a comment, S(x)'s among them: " + comments.keySet());
    }

    @Test
    void says_what_z_0_is_in_words() throws Exception {
        // given
        Generated g = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "z_0");

        // when
        String comment;
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            comment = RoundTripCheck.labelComments(wb, g.sheets()).get("z₀ = W₀ᵀx + b₁");
        }

        // then
        assertEquals("the weighted input of layer 0 (defined name z_0)", comment);
    }
}
