package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

// The warm-up swallows its failures, so that a run never suffers for it; this test does not.
class WarmupTest {
    @Test
    void the_throwaway_workbook_is_written_without_a_failure() {
        assertTrue(Warmup.writeThrowaway());
    }
}
