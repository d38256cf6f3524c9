package gradbook.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void writes_its_shape_as_rows_by_columns() {
        // given
        Matrix column = Matrix.column(1, 2);

        // when
        String shape = column.shape();

        // then
        assertEquals("2 × 1", shape);
    }

    @Test
    void transposes_rows_into_columns() {
        // given
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

        // when
        Matrix t = m.transpose();

        // then
        assertEquals(Matrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}), t);
    }

    @Test
    void multiplies_rows_by_columns() {
        // given
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix v = Matrix.column(1, 0, -1);

        // when
        Matrix p = m.times(v);

        // then
        assertEquals(Matrix.column(-2, -2), p);
    }

    @Test
    void names_both_shapes_when_a_product_does_not_fit() {
        // given
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix v = Matrix.column(1, 2);

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.times(v));

        // then
        assertEquals("cannot multiply 2 × 3 by 2 × 1", e.getMessage());
    }

    @Test
    void multiplies_entry_by_entry_in_the_hadamard_product() {
        // given
        Matrix p = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix q = Matrix.of(new double[][] {{5, -1}, {0, 0.5}});

        // when
        Matrix h = p.hadamard(q);

        // then
        assertEquals(Matrix.of(new double[][] {{5, -2}, {0, 2}}), h);
    }

    @Test
    void names_both_shapes_when_a_hadamard_product_does_not_fit() {
        // given
        Matrix p = Matrix.column(1, 2);
        Matrix q = Matrix.of(new double[][] {{1, 2}});

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.hadamard(q));

        // then
        assertEquals("shapes differ: 2 × 1 and 1 × 2", e.getMessage());
    }

    @Test
    void equals_a_matrix_with_the_same_entries_and_shape() {
        // given
        Matrix m = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix same = Matrix.of(new double[][] {{1, 2}, {3, 4}});

        // when
        boolean equal = m.equals(same);

        // then
        assertEquals(true, equal, m + " against " + same);
        assertEquals(m.hashCode(), same.hashCode(), "hash codes of equal matrices");
    }

    @Test
    void differs_from_a_matrix_of_other_entries_or_other_shape() {
        // given
        Matrix column = Matrix.column(1, 2);
        Matrix row = Matrix.of(new double[][] {{1, 2}});
        Matrix other = Matrix.column(1, 3);

        // when / then
        assertNotEquals(column, row);
        assertNotEquals(column, other);
    }

    @Test
    void keeps_its_entries_when_the_arrays_change() {
        // given
        double[][] rows = {{1, 2}, {3, 4}};
        Matrix m = Matrix.of(rows);

        // when
        rows[0][0] = 99;
        m.toArray()[1][1] = 99;

        // then
        assertEquals(Matrix.of(new double[][] {{1, 2}, {3, 4}}), m);
    }

    @Test
    void refuses_rows_of_different_lengths_and_says_which() {
        // given
        double[][] ragged = {{1, 2}, {3}};

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(ragged));

        // then
        assertEquals("row 1 has 1 entries but row 0 has 2", e.getMessage());
    }

    @Test
    void refuses_an_empty_matrix() {
        // given
        double[][] empty = {};

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(empty));

        // then
        assertEquals("a matrix needs at least one row and one column", e.getMessage());
    }
}
