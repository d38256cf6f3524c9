package gradbook.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers the worked example prints, 6 significant digits each, by the name of the quantity
 * they are (see the table in the seed README). The backward ones are the document's code's.
 */
public final class Printed {
    private Printed() {
    }

    /** The printed values in the document's order, vectors as columns. */
    public static Map<String, Matrix> values() {
        Map<String, Matrix> v = new LinkedHashMap<>();
        v.put("z_0", Matrix.column(0, -0.5));
        v.put("a_0", Matrix.column(0.5, 0.377541));
        v.put("z_1", Matrix.column(-0.622459, -2.25508));
        v.put("a_1", Matrix.column(0.349222, 0.0949121));
        v.put("sq_err", Matrix.column(0.423512, 0.819184));
        v.put("dE_dW_1", Matrix.of(new double[][] {
            {0.0739498, 0.0558382}, {0.0388752, 0.029354}}));
        v.put("dE_db_2", Matrix.column(0.1479, 0.0777505));
        v.put("dE_dW_0", Matrix.of(new double[][] {
            {-0.176798, -0.176798}, {-0.0234056, -0.0234056}}));
        v.put("dE_db_1", Matrix.column(-0.176798, -0.0234056));
        v.put("W_1_new", Matrix.of(new double[][] {
            {-2.00739, -2.00558}, {0.996112, -2.00294}}));
        v.put("b_2_new", Matrix.column(-0.01479, -0.507775));
        v.put("W_0_new", Matrix.of(new double[][] {
            {1.01768, -0.48232}, {-0.497659, 1.00234}}));
        v.put("b_1_new", Matrix.column(-0.48232, -0.997659));
        return v;
    }

    /** The names of the printed values that come from the backward pass and the step. */
    public static boolean isBackward(String name) {
        return name.startsWith("dE_") || name.endsWith("_new");
    }
}
