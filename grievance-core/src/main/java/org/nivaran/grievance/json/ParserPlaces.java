package org.nivaran.grievance.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a streaming parser stood when a document turned out not to be valid JSON: a line and column
 * for people, and the path in the notation of the readers' errors ({@code posts[2].holder.phone}).
 * Used by the file readers before a tree exists; {@link Fields} names the paths of a tree.
 *
 * <p>Stateless and thread-safe.
 */
final class ParserPlaces {
  private ParserPlaces() {}

  /** Where a parser stood, for a syntax error's message. */
  static String where(JsonLocation at) {
    return at == null ? "an unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** Where the parser stood, in the path notation of the errors, e.g. {@code posts[2].holder.phone}. */
  static String pathOf(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(c.getCurrentName());
      }
    }
    Collections.reverse(parts);
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      if (path.length() > 0 && !part.startsWith("[")) {
        path.append('.');
      }
      path.append(part);
    }
    return path.toString();
  }
}
