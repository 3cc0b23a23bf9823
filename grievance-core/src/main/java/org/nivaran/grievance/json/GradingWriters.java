package org.nivaran.grievance.json;

import static org.nivaran.grievance.json.Writers.duration;
import static org.nivaran.grievance.json.Writers.instant;
import static org.nivaran.grievance.json.Writers.level;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Decimals;
import org.nivaran.grievance.report.GradedUnit;
import org.nivaran.grievance.report.GradingReport;
import org.nivaran.grievance.report.GradingScheme;
import org.nivaran.grievance.report.Indicator;
import org.nivaran.grievance.report.IndicatorScore;
import org.nivaran.grievance.report.UnitFigures;

/**
 * Writes the grading types (a {@link GradingReport}, its {@link GradingScheme}, {@link GradedUnit}s
 * and {@link UnitFigures}) as JSON, for {@link NivaranJacksonModule}. Written only (no reader).
 * Unlike the complaint format, field names are snake_case and every field is always written: an
 * empty rate or median is null. Scores and rates are numbers with the same digits as the report's
 * CSV: 2 decimal places for a score, 4 for a rate.
 *
 * <p>Stateless and thread-safe.
 */
final class GradingWriters {
  private GradingWriters() {}

  static void gradingReport(JsonGenerator g, GradingReport r) throws IOException {
    g.writeStartObject(r);
    g.writeObjectFieldStart("period");
    g.writeStringField("from", instant(r.period().from()));
    g.writeStringField("to", instant(r.period().to()));
    g.writeEndObject();
    g.writeFieldName("scheme");
    gradingScheme(g, r.scheme());
    g.writeArrayFieldStart("departments");
    for (GradedUnit u : r.departments()) {
      gradedUnit(g, u);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("districts");
    for (GradedUnit u : r.districts()) {
      gradedUnit(g, u);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void gradingScheme(JsonGenerator g, GradingScheme s) throws IOException {
    g.writeStartObject(s);
    g.writeObjectFieldStart("weights");
    for (Indicator i : Indicator.values()) {
      g.writeNumberField(i.key(), s.weight(i));
    }
    g.writeEndObject();
    g.writeObjectFieldStart("bands");
    g.writeNumberField("a", s.bandA());
    g.writeNumberField("b", s.bandB());
    g.writeNumberField("c", s.bandC());
    g.writeEndObject();
    g.writeArrayFieldStart("peer_groups");
    for (long bound : s.peerGroupBounds()) {
      g.writeNumber(bound);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void gradedUnit(JsonGenerator g, GradedUnit u) throws IOException {
    g.writeStartObject(u);
    g.writeStringField("kind", u.kind().name());
    g.writeStringField("code", u.code());
    g.writeNumberField("rank", u.rank());
    g.writeStringField("grade", u.grade().name());
    g.writeFieldName("score");
    g.writeNumber(Decimals.fixed(u.score(), 2));
    figureFields(g, u.figures());
    g.writeObjectFieldStart("peer_group");
    g.writeNumberField("number", u.peerGroup().number());
    g.writeNumberField("lowest", u.peerGroup().lowest());
    g.writeFieldName("highest");
    if (u.peerGroup().highest().isPresent()) {
      g.writeNumber(u.peerGroup().highest().get());
    } else {
      g.writeNull();
    }
    g.writeStringField("label", u.peerGroup().label());
    g.writeEndObject();
    g.writeNumberField("peer_rank", u.peerRank());
    g.writeNumberField("peer_count", u.peerCount());
    g.writeArrayFieldStart("breakdown");
    for (IndicatorScore s : u.breakdown()) {
      g.writeStartObject();
      g.writeStringField("indicator", s.indicator().key());
      rate(g, "measure", s.measure());
      g.writeNumberField("weight", s.weight());
      g.writeFieldName("points");
      g.writeNumber(Decimals.fixed(s.points(), 2));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void unitFigures(JsonGenerator g, UnitFigures f) throws IOException {
    g.writeStartObject(f);
    g.writeStringField("kind", f.kind().name());
    g.writeStringField("code", f.code());
    figureFields(g, f);
    g.writeEndObject();
  }

  private static void figureFields(JsonGenerator g, UnitFigures f) throws IOException {
    g.writeNumberField("received", f.received());
    g.writeNumberField("disposed", f.disposed());
    g.writeNumberField("disposed_within_sla", f.disposedWithinSla());
    g.writeNumberField("pending", f.pending());
    g.writeObjectFieldStart("pending_beyond_sla");
    for (Map.Entry<Level, Long> e : f.pendingBeyondSla().entrySet()) {
      g.writeNumberField(level(e.getKey()), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("pending_beyond_sla_total", f.pendingBeyondSlaTotal());
    g.writeNumberField("replies", f.replies());
    g.writeNumberField("returns", f.returns());
    g.writeNumberField("satisfied", f.satisfied());
    g.writeNumberField("dissatisfied", f.dissatisfied());
    g.writeNumberField("reopens", f.reopens());
    rate(g, "disposal_rate", f.disposalRate());
    rate(g, "sla_compliance_rate", f.slaComplianceRate());
    rate(g, "satisfaction_rate", f.satisfactionRate());
    rate(g, "returned_rate", f.returnedRate());
    rate(g, "reopened_rate", f.reopenedRate());
    if (f.medianResolution().isPresent()) {
      g.writeStringField("median_resolution", duration(f.medianResolution().get().truncatedTo(ChronoUnit.SECONDS)));
    } else {
      g.writeNullField("median_resolution");
    }
    g.writeNumberField("first_responses_due", f.firstResponsesDue());
    g.writeNumberField("first_responses_in_time", f.firstResponsesInTime());
    rate(g, "first_response_rate", f.firstResponseRate());
  }

  private static void rate(JsonGenerator g, String field, Optional<Double> rate) throws IOException {
    g.writeFieldName(field);
    if (rate.isPresent()) {
      g.writeNumber(Decimals.fixed(rate.get(), 4));
    } else {
      g.writeNull();
    }
  }
}
