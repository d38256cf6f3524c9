package gradbook.audit;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/** The pieces the audit and the answer key write alike. */
final class Json {
    private Json() {
    }

    /** A number, or null for NaN, which JSON cannot hold. */
    static void number(JsonWriter json, double v) throws IOException {
        if (Double.isFinite(v)) {
            json.value(v);
        } else {
            json.nullValue();
        }
    }

    static void tolerance(JsonWriter json, Tolerance t) throws IOException {
        json.name("tolerance").beginObject();
        json.name("significant_digits").value(Tolerance.DIGITS);
        json.name("relative").value(t.relative());
        json.name("absolute").value(Tolerance.ABSOLUTE);
        json.endObject();
    }
}
