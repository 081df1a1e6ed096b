package org.cranisotropy.report;

import java.util.List;

/** A heading of the report page with its introduction (plain text) and figures. */
public record Section(String heading, String intro, List<Figure> figures) {
    public Section {
        figures = List.copyOf(figures);
    }
}
