package stepwise.serve;

import java.util.List;

/**
 * One result as the page shows it: a heading, its notes as HTML (math as TeX for KaTeX), its
 * verification line, and the sliders it offers.
 *
 * @param statement the index of the statement (in the parsed file) that produced it
 * @param status {@code ok}, {@code failed}, {@code unknown}, or {@code none} for prose
 * @param value  the result in the input syntax, or null
 */
record Section(int statement, String kind, int line, String heading, String html, String status, String verification, String value,
               List<Knob> knobs) {
    Section {
        knobs = List.copyOf(knobs);
    }

    Section withKnobs(List<Knob> k) { return new Section(statement, kind, line, heading, html, status, verification, value, k); }
}
