package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StylesTest {
    @ParameterizedTest(name = "{0} → {1} shows {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0949121          | 0.0000000    | 0.0949121
            0.09491212345678   | 0.0000000    | 0.0949121
            0.029354           | 0.000000     | 0.029354
            0.0293539598       | 0.000000     | 0.029354
            1                  | 0            | 1
            -0.5               | 0.0          | -0.5
            0.377541           | 0.000000     | 0.377541
            -2.25508           | 0.00000      | -2.25508
            -2.2550834         | 0.00000      | -2.25508
            -0.622459          | 0.000000     | -0.622459
            0.621347883        | 0.000000     | 0.621348
            -0.01479           | 0.00000      | -0.01479
            123456.7           | 0            | 123457
            0.0001             | 0.0000       | 0.0001
            4.53979e-05        | 0.00000E+00  | 4.53979E-05
            -4.5e-05           | 0.0E+00      | -4.5E-05
            2.5e-09            | 0.0E+00      | 2.5E-09
            1234567            | 0.00000E+00  | 1.23457E+06
            0                  | 0            | 0
            """)
    void shows_six_significant_digits_without_trailing_zeros(double value, String format,
            String shown) {
        // given a value as the document prints it

        // when
        String chosen = Styles.format(value);

        // then
        assertEquals(format, chosen, "format for " + value);
        assertEquals(shown, new DataFormatter().formatRawCellContents(value, -1, chosen),
                "what a spreadsheet shows for " + value + " in " + chosen);
    }
}
