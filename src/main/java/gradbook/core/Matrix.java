package gradbook.core;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** An immutable dense matrix of doubles; a vector is an n × 1 column, as the document prints it. */
public final class Matrix {
    private final double[][] entries;

    private Matrix(double[][] entries) {
        this.entries = entries;
    }

    /** Copies the rows; every row must have the same positive length. */
    public static Matrix of(double[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column");
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length
                        + " entries but row 0 has " + rows[0].length);
            }
            copy[i] = rows[i].clone();
        }
        return new Matrix(copy);
    }

    public static Matrix column(double... values) {
        double[][] rows = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            rows[i][0] = values[i];
        }
        return of(rows);
    }

    public static Matrix filled(int rows, int cols, double value) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column");
        }
        double[][] e = new double[rows][cols];
        for (double[] row : e) {
            Arrays.fill(row, value);
        }
        return new Matrix(e);
    }

    public int rows() {
        return entries.length;
    }

    public int cols() {
        return entries[0].length;
    }

    public double get(int i, int j) {
        return entries[i][j];
    }

    public boolean sameShape(Matrix other) {
        return rows() == other.rows() && cols() == other.cols();
    }

    /** The shape as the output labels write it, e.g. "2 × 1". */
    public String shape() {
        return rows() + " × " + cols();
    }

    public Matrix transpose() {
        double[][] t = new double[cols()][rows()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                t[j][i] = entries[i][j];
            }
        }
        return new Matrix(t);
    }

    /** The matrix product this · other. */
    public Matrix times(Matrix other) {
        if (cols() != other.rows()) {
            throw new IllegalArgumentException("cannot multiply " + shape() + " by " + other.shape());
        }
        double[][] p = new double[rows()][other.cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < other.cols(); j++) {
                double sum = 0;
                for (int k = 0; k < cols(); k++) {
                    sum += entries[i][k] * other.entries[k][j];
                }
                p[i][j] = sum;
            }
        }
        return new Matrix(p);
    }

    public Matrix map(DoubleUnaryOperator f) {
        double[][] m = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                m[i][j] = f.applyAsDouble(entries[i][j]);
            }
        }
        return new Matrix(m);
    }

    /** Combines two matrices of one shape entry by entry. */
    public Matrix zip(Matrix other, DoubleBinaryOperator f) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("shapes differ: " + shape() + " and " + other.shape());
        }
        double[][] m = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                m[i][j] = f.applyAsDouble(entries[i][j], other.entries[i][j]);
            }
        }
        return new Matrix(m);
    }

    public Matrix plus(Matrix other) {
        return zip(other, Double::sum);
    }

    public Matrix minus(Matrix other) {
        return zip(other, (p, q) -> p - q);
    }

    /** The elementwise (Hadamard) product, written ∘ in the labels. */
    public Matrix hadamard(Matrix other) {
        return zip(other, (p, q) -> p * q);
    }

    public Matrix scale(double factor) {
        return map(v -> factor * v);
    }

    public double sum() {
        double s = 0;
        for (double[] row : entries) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    /** A copy of the entries, row by row. */
    public double[][] toArray() {
        double[][] copy = new double[rows()][];
        for (int i = 0; i < rows(); i++) {
            copy[i] = entries[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && Arrays.deepEquals(entries, m.entries);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(entries);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(entries);
    }
}
