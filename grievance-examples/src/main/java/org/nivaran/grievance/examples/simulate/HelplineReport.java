package org.nivaran.grievance.examples.simulate;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.nivaran.grievance.sla.Priority;

/** The helpline rules' figures, as lines for the terminal and a section of the HTML report. Stateless. */
final class HelplineReport {
  private HelplineReport() {}

  /** The four summary lines of the terminal report. */
  static void print(HelplineFigures h, PrintStream out) {
    StringJoiner byPriority = new StringJoiner(" · ");
    for (Map.Entry<Priority, HelplineFigures.PriorityCount> e : h.byPriority().entrySet()) {
      HelplineFigures.PriorityCount n = e.getValue();
      byPriority.add(name(e.getKey()) + " " + Format.count(n.received()) + " (" + Format.percent(n.withinSlaRate())
          + " in SLA)");
    }
    out.printf(Locale.ROOT, "  priority: %s · %s raised by a supervisor%n", byPriority, Format.count(h.prioritiesRaised()));
    out.printf(Locale.ROOT, "  first response: %s due · %s in time (%s) · %s missed, flagged · %s calls recorded"
            + " (%s not reachable)%n", Format.count(h.firstResponsesDue()), Format.count(h.firstResponsesInTime()),
        Format.percent(h.firstResponseRate()), Format.count(h.firstResponsesMissed()), Format.count(h.contactsRecorded()),
        Format.count(h.notReachable()));
    out.printf(Locale.ROOT, "  additional charge: %s given · %s ended · %s acts on %s complaints by officers in charge"
            + " · %s left waiting%n", Format.count(h.chargesGiven()), Format.count(h.chargesEnded()),
        Format.count(h.actsUnderCharge()), Format.count(h.complaintsUnderCharge()), Format.count(h.leftWaiting()));
    out.printf(Locale.ROOT, "  special closure: %s requested · %s approved · %s refused%n",
        Format.count(h.specialClosuresRequested()), Format.count(h.specialClosuresApproved()),
        Format.count(h.specialClosuresRefused()));
  }

  /** The state platform's line of the terminal report: the districts as tenants, places, the portal. */
  static void printState(StateFigures st, PrintStream out) {
    out.printf(Locale.ROOT, "  two districts as two tenants of one store: Raipur %s · Durg %s · %s with a place"
            + " · %s from the Jan Sunwai portal · %s calls quoting a portal number already known%n",
        Format.count(st.received(Districts.RAIPUR)), Format.count(st.received(Districts.DURG)),
        Format.count(st.located()), Format.count(st.viaPortal()), Format.count(st.samePortalGrievance()));
  }

  /** The HTML part on the state platform: the districts as tenants, places, the portal. */
  static void stateFacts(StringBuilder s, StateFigures st) {
    s.append("<dl class=\"facts\" id=\"state\">\n");
    fact(s, "tenants", "Districts as tenants", "Raipur (" + Districts.RAIPUR + ") " + Format.count(st.received(Districts.RAIPUR))
        + " complaints and Durg (" + Districts.DURG + ") " + Format.count(st.received(Districts.DURG))
        + ", each district with its own entry point, escalator, outbox relay and numbers, on one store");
    fact(s, "located", "With a place", Format.count(st.located()) + " complaints carry a point on the map ("
        + pct(Portals.LOCATED_RATE) + " of callers give one)");
    fact(s, "portal", "Jan Sunwai portal", Format.count(st.viaPortal()) + " complaints arrived through the portal with"
        + " its number as an external reference; " + Format.count(st.samePortalGrievance()) + " later helpline calls"
        + " quoted a portal number and were answered with the complaint already registered");
    s.append("</dl>\n");
  }

  /** The HTML section: complaints by priority, then the first response, charges and special closures. */
  static void section(StringBuilder s, HelplineFigures h, StateFigures state) {
    s.append("<section id=\"helpline\">\n<h2>Helpline rules</h2>\n<table id=\"priorities\">\n<thead><tr>")
        .append("<th>Priority</th><th>Received</th><th>Disposed</th><th>Within SLA</th><th>Budget at each level</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<Priority, HelplineFigures.PriorityCount> e : h.byPriority().entrySet()) {
      HelplineFigures.PriorityCount n = e.getValue();
      s.append("<tr data-priority=\"").append(e.getKey().name()).append("\">")
          .append(td("priority", name(e.getKey()))).append(td("received", Format.count(n.received())))
          .append(td("disposed", Format.count(n.disposed())))
          .append(td("in-sla", Format.percent(n.withinSlaRate())))
          .append(td("budget", switch (e.getKey()) {
            case URGENT -> "1 working day";
            case HIGH -> "3 working days";
            default -> "7 working days";
          })).append("</tr>\n");
    }
    s.append("</tbody>\n</table>\n<dl class=\"facts\">\n");
    fact(s, "priorities-raised", "Priorities raised", Format.count(h.prioritiesRaised())
        + " NORMAL complaints raised to HIGH by a supervisor at L2, their deadlines re-timed");
    fact(s, "first-response", "First response", Format.count(h.firstResponsesDue()) + " due in the period, "
        + Format.count(h.firstResponsesInTime()) + " made in time (" + Format.percent(h.firstResponseRate()) + "); "
        + Format.count(h.firstResponsesMissed()) + " missed and flagged for the post above; "
        + Format.count(h.contactsRecorded()) + " calls recorded by officers, " + Format.count(h.notReachable())
        + " of them not reaching the citizen");
    fact(s, "additional-charge", "Additional charge", Format.count(h.chargesGiven()) + " given by a supervisor, "
        + Format.count(h.chargesEnded()) + " ended; officers in charge acted " + Format.count(h.actsUnderCharge())
        + " times on " + Format.count(h.complaintsUnderCharge()) + " complaints of the vacant posts; "
        + Format.count(h.leftWaiting()) + " complaints left waiting on a post nobody answered for");
    fact(s, "special-closure", "Special closure", Format.count(h.specialClosuresRequested())
        + " requested by L1 officers, " + Format.count(h.specialClosuresApproved()) + " approved and "
        + Format.count(h.specialClosuresRefused()) + " refused from the post above");
    s.append("</dl>\n");
    stateFacts(s, state);
    s.append("<ul>\n");
    for (String line : new String[] {
        "An ambulance that did not come is URGENT, a failed transformer and no drinking water are HIGH, an excessive"
            + " bill is LOW; agents set URGENT or HIGH on " + pct(HelplineRules.AGENT_PRIORITY_RATE) + " of calls, and"
            + " officers take " + pct(HelplineRules.URGENT_SPEED) + " of their usual time on an URGENT complaint and "
            + pct(HelplineRules.HIGH_SPEED) + " on a HIGH one.",
        "The first response is due within one working day of assignment: officers call "
            + pct(HelplineRules.CONTACT_IN_TIME_RATE) + " of citizens in time, " + pct(HelplineRules.CONTACT_LATE_RATE)
            + " late, the rest never; " + pct(HelplineRules.NOT_REACHABLE_RATE) + " of the calls reach nobody.",
        "The Tehsildar of Arang and the Assistant Engineer of Patan are transferred out with no successor; a"
            + " colleague holds each post's additional charge until a new officer joins.",
        "On " + pct(HelplineRules.SPECIAL_CLOSURE_RATE) + " of complaints the L1 officer asks for a special closure;"
            + " the post above approves " + pct(HelplineRules.APPROVAL_RATE) + " of the requests."}) {
      s.append("<li>").append(HtmlReport.esc(line)).append("</li>\n");
    }
    s.append("</ul>\n</section>\n");
  }

  private static String name(Priority p) {
    return p.name().toLowerCase(Locale.ROOT);
  }

  private static String pct(double rate) {
    return Format.percent(Optional.of(rate)).replace(".0%", "%");
  }

  private static String td(String cls, String text) {
    return "<td class=\"" + cls + "\">" + HtmlReport.esc(text) + "</td>";
  }

  private static void fact(StringBuilder s, String id, String term, String text) {
    s.append("<dt id=\"").append(id).append("\">").append(HtmlReport.esc(term)).append("</dt><dd>")
        .append(HtmlReport.esc(text)).append("</dd>\n");
  }
}
