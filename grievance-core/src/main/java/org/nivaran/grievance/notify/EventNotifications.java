package org.nivaran.grievance.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.SpecialClosureRequest;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenDissatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenSatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintAssigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintEscalated;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReassigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRejected;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReopened;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintSpeciallyClosed;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintTransferred;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintWithdrawn;
import org.nivaran.grievance.complaint.ComplaintEvent.ReplyReturned;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.PostDuty;
import org.nivaran.grievance.directory.Posts;

/**
 * Who is told what about each event: the rules behind {@link NotificationPolicy#notificationsFor},
 * the table in its Javadoc written once as code, with the reasons given to the citizen when a
 * complaint closes.
 *
 * <p>Two rules look beyond one event. An escalation that a later one in the same change follows
 * tells no one (a late sweep). A citizen's dissatisfaction tells the post the complaint is with
 * once the verification policy has acted in the same change: the post above after an escalation,
 * the appellate post after an appeal (whose own message to that post is then not made), no post
 * if the complaint closed.
 */
final class EventNotifications {
  private EventNotifications() {}

  /**
   * The notifications the events call for, in event order, made by {@code policy}; the events are
   * already checked to be of {@code after}. The list is modifiable.
   */
  static List<Notification> of(
      NotificationPolicy policy, Complaint after, List<ComplaintEvent> events, Posts posts, String deadline) {
    List<Notification> out = new ArrayList<>();
    Optional<Assignment> current = assignmentBefore(after, events);
    int lastEscalation = lastEscalation(events);
    int holderToldAt = -1;
    for (int i = 0; i < events.size(); i++) {
      ComplaintEvent event = events.get(i);
      current = assignmentAfter(event, current);
      if (event instanceof ComplaintEscalated && i < lastEscalation) {
        continue; // a late sweep's catch-up passed through this post: only the last one is told
      }
      Request r = new Request(policy, after, event, current, posts, deadline, out, i == holderToldAt);
      if (event instanceof CitizenDissatisfied e) {
        holderToldAt = dissatisfied(e, events, i, r);
      } else {
        tell(event, r);
      }
    }
    return out;
  }

  /**
   * Tells the post a dissatisfied citizen's complaint is with once the verification policy has
   * acted (the first escalation, appeal or unverified closure after event {@code i}, past timers and
   * flags), with the citizen's reason. Returns the index of the escalation or appeal whose new post
   * was told, so that it does not tell that post again; else -1.
   */
  private static int dissatisfied(CitizenDissatisfied e, List<ComplaintEvent> events, int i, Request r) {
    int outcome = i + 1;
    while (outcome < events.size()
        && (events.get(outcome) instanceof ComplaintEvent.SlaTimerSet || events.get(outcome) instanceof ComplaintFlagged)) {
      outcome++;
    }
    ComplaintEvent next = outcome < events.size() ? events.get(outcome) : null;
    if (next instanceof ComplaintEvent.ComplaintClosedUnverified) {
      return -1; // closed: the citizen is told, the post has nothing left to do
    }
    boolean moved = next instanceof ComplaintEscalated || next instanceof ComplaintEvent.ComplaintAppealed;
    Optional<Assignment> target = moved ? Lifecycle.movedTo(next) : r.current;
    int before = r.out.size();
    target.ifPresent(a -> r.toHolder(NotificationKind.CITIZEN_DISSATISFIED, a, same(r.citizenSafe(e.reason()))));
    return moved && r.out.size() > before ? outcome : -1;
  }

  /** The index of the last escalation among the events, or -1. */
  private static int lastEscalation(List<ComplaintEvent> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof ComplaintEscalated) {
        return i;
      }
    }
    return -1;
  }

  /** The one place that says which event tells whom; a new event gets its case here. */
  private static void tell(ComplaintEvent event, Request r) {
    if (event instanceof ComplaintRegistered) {
      r.toCitizen(NotificationKind.REGISTERED, same(NotificationPolicy.NONE));
    } else if (event instanceof ComplaintAssigned e) {
      r.toHolder(NotificationKind.ASSIGNED, e.assignment(), same(NotificationPolicy.NONE));
    } else if (event instanceof ComplaintTransferred e) {
      r.toHolder(NotificationKind.TRANSFERRED_TO_YOU, e.to(), same(e.reason()));
    } else if (event instanceof ComplaintReassigned e) {
      r.toHolder(NotificationKind.ASSIGNED, e.to(), same(e.reason()));
    } else if (event instanceof ComplaintEvent.ComplaintAppealed e) {
      r.toHolder(NotificationKind.ASSIGNED, e.to(), same(e.reason()));
    } else if (event instanceof ComplaintFlagged e && e.attention().isPresent()) {
      NotificationKind kind =
          e.flag() == ComplaintFlag.OVERDUE_AT_TOP ? NotificationKind.OVERDUE_AT_TOP : NotificationKind.FLAGGED;
      r.posts.find(e.attention().get()).flatMap(post -> r.policy.toPost(
              kind, r.complaint, post, r.posts.answering(post.id(), e.occurredAt()), attentionRole(post), e.detail(),
              e.sequence(), e.occurredAt()))
          .ifPresent(r.out::add);
    } else if (event instanceof ComplaintEscalated e) {
      r.toHolder(NotificationKind.ESCALATED_TO_YOU, e.to(), same(e.reason()));
      if (e.to().level().compareTo(Level.L2) > 0) {
        r.toSupervisors(NotificationKind.ESCALATED_SUPERVISOR, e.to(), same(e.reason()));
      }
    } else if (event instanceof ComplaintReopened e) {
      r.current.ifPresent(a -> r.toHolder(NotificationKind.REOPENED_TO_YOU, a, same(r.citizenSafe(e.reason()))));
    } else if (event instanceof ComplaintEvent.PriorityChanged e) {
      String why = r.citizenSafe(e.reason());
      r.current.ifPresent(a -> r.toHolder(NotificationKind.PRIORITY_CHANGED, a, l -> l == Language.HINDI
          ? e.from() + " से " + e.to() + "; कारण: " + why
          : "from " + e.from() + " to " + e.to() + "; reason: " + why));
    } else if (event instanceof ReplyReturned e) {
      r.current.ifPresent(a -> r.toHolder(NotificationKind.RETURNED, a, same(e.reason())));
    } else if (event instanceof ResolutionFiled e) {
      r.toCitizen(NotificationKind.RESOLVED, same(e.reply()));
    } else if (event instanceof CitizenSatisfied) {
      r.toCitizen(NotificationKind.CLOSED, l -> l == Language.HINDI ? "आपकी संतुष्टि पर निराकृत" : "resolved to your satisfaction");
    } else if (event instanceof ComplaintSpeciallyClosed e) {
      r.toCitizen(NotificationKind.CLOSED, same(e.reason()));
    } else if (event instanceof ComplaintEvent.ComplaintClosedUnverified e) {
      boolean unconfirmed = e.kind() == ClosureKind.UNCONFIRMED;
      r.toCitizen(NotificationKind.CLOSED, l -> l == Language.HINDI
          ? (unconfirmed ? "आपसे संपर्क न हो पाने के कारण बंद" : "पुनः खोलने की सीमा पूरी होने पर बंद")
          : (unconfirmed ? "closed as we could not reach you" : "closed after the most reopenings allowed"));
    } else if (event instanceof ComplaintRejected e) {
      r.toCitizen(NotificationKind.CLOSED, l -> rejection(e, l));
    } else if (event instanceof ComplaintWithdrawn e) {
      r.toCitizen(
          NotificationKind.CLOSED,
          l -> e.reason().orElse(l == Language.HINDI ? "आपके अनुरोध पर वापस ली गई" : "withdrawn at your request"));
    } else if (event instanceof ComplaintEvent.SpecialClosureRequested e) {
      r.current.flatMap(a -> r.posts.supervisorOf(a.post())).ifPresent(above -> r.toApprover(
          NotificationKind.SPECIAL_CLOSURE_REQUESTED, above, same(e.reason() + ": " + r.citizenSafe(e.remark()))));
    } else if (event instanceof ComplaintEvent.SpecialClosureDueSet e && e.approver().isPresent()
        && r.complaint.specialClosureRequest().flatMap(SpecialClosureRequest::approver).equals(e.approver())) {
      // the approval moved up (a late sweep's catch-up tells only the post it ended at)
      SpecialClosureRequest q = r.complaint.specialClosureRequest().get();
      r.posts.find(e.approver().get()).ifPresent(to -> r.toApprover(NotificationKind.SPECIAL_CLOSURE_REQUESTED, to,
          same(q.reason() + ": " + r.citizenSafe(q.remark()))));
    } else if (event instanceof ComplaintEvent.SpecialClosureApproved e) {
      r.toCitizen(NotificationKind.SPECIAL_CLOSURE_NOTICE, l -> specialClosureReason(e.reason(), l));
    } else if (event instanceof ComplaintEvent.SpecialClosureRefused e) {
      r.current.ifPresent(a -> r.toHolder(NotificationKind.SPECIAL_CLOSURE_REFUSED, a, same(r.citizenSafe(e.remark()))));
    }
    // Other events (work started, information requested or provided, unreachable, reply accepted,
    // duplicate linked) tell no one; a dissatisfied citizen is told of in of(...).
  }

  /** A special closure's reason code in the citizen's language. */
  private static String specialClosureReason(org.nivaran.grievance.complaint.SpecialClosureReason reason, Language l) {
    boolean hindi = l == Language.HINDI;
    return switch (reason) {
      case PROHIBITED_SUBJECT -> hindi ? "विषय हेल्पलाइन के दायरे में नहीं (निषिद्ध विषय)" : "the subject is one the helpline does not take up";
      case POLICY_MATTER -> hindi ? "नीतिगत विषय" : "it is a policy matter";
      case OUT_OF_JURISDICTION -> hindi ? "क्षेत्राधिकार से बाहर" : "it is outside the jurisdiction";
      case SUB_JUDICE -> hindi ? "मामला न्यायालय में विचाराधीन" : "the matter is before a court";
    };
  }

  /** What one event's notifications are made from; collects them into {@code out}. */
  private static final class Request {
    final NotificationPolicy policy;
    final Complaint complaint;
    final ComplaintEvent event;
    final Optional<Assignment> current;
    final Posts posts;
    final String deadline;
    final List<Notification> out;
    /** The holder of the post this event moves the complaint to was told already, by the dissatisfaction before it. */
    final boolean holderTold;

    Request(
        NotificationPolicy policy, Complaint complaint, ComplaintEvent event, Optional<Assignment> current, Posts posts,
        String deadline, List<Notification> out, boolean holderTold) {
      this.policy = policy;
      this.complaint = complaint;
      this.event = event;
      this.current = current;
      this.posts = posts;
      this.deadline = deadline;
      this.out = out;
      this.holderTold = holderTold;
    }

    /** A text from or about the citizen, for an officer: their own number and name masked. */
    String citizenSafe(String text) {
      return Masking.scrub(text, complaint.citizen().phone(), complaint.citizen().name());
    }

    void toCitizen(NotificationKind kind, Function<Language, String> reason) {
      if (!policy.isEnabled(kind)) {
        return;
      }
      Language language = Addressing.languageOf(complaint, policy.templates(), kind);
      Map<String, String> values = MessageValues.ofComplaint(complaint, deadline, reason.apply(language));
      current.ifPresent(a -> {
        values.put("post", a.post().code());
        values.put("level", a.level().toString());
        posts.find(a.post()).ifPresent(p -> values.put("postTitle", p.title()));
      });
      add(kind, Addressing.citizen(complaint), Addressing.channelOf(complaint), language, values);
    }

    void toHolder(NotificationKind kind, Assignment assignment, Function<Language, String> reason) {
      if (holderTold && kind != NotificationKind.CITIZEN_DISSATISFIED) {
        return;
      }
      posts.find(assignment.post()).ifPresent(post -> toOfficer(kind, RecipientRole.POST_HOLDER, post, post, assignment, reason));
    }

    /** Tells the holder of {@code approver}, the post above the complaint's, about the complaint at its post. */
    void toApprover(NotificationKind kind, Post approver, Function<Language, String> reason) {
      current.ifPresent(a -> posts.find(a.post())
          .ifPresent(post -> toOfficer(kind, RecipientRole.SUPERVISOR, approver, post, a, reason)));
    }

    void toSupervisors(NotificationKind kind, Assignment assignment, Function<Language, String> reason) {
      posts.find(assignment.post()).ifPresent(post -> {
        for (Post above : posts.chainAbove(post.id())) {
          toOfficer(kind, RecipientRole.SUPERVISOR, above, post, assignment, reason);
        }
      });
    }

    /**
     * Tells whoever answers for {@code recipientPost} when the event occurred (its holder, or the
     * officer in charge of it while vacant), if anyone, about the complaint at {@code subject}.
     */
    private void toOfficer(
        NotificationKind kind, RecipientRole role, Post recipientPost, Post subject, Assignment assignment,
        Function<Language, String> reason) {
      Optional<Officer> answering = posts.answering(recipientPost.id(), event.occurredAt());
      if (!policy.isEnabled(kind) || answering.isEmpty()) {
        return;
      }
      Officer officer = answering.get();
      Language language = Addressing.languageOf(officer, policy.templates(), kind);
      Map<String, String> values = MessageValues.ofComplaint(complaint, deadline, reason.apply(language));
      MessageValues.putPost(values, subject, assignment.level());
      add(kind, Addressing.officer(role, recipientPost, officer), Addressing.channelOf(officer), language, values);
    }

    private void add(
        NotificationKind kind, Recipient recipient, DeliveryChannel channel, Language language, Map<String, String> values) {
      String id = Notification.idIn(complaint.tenant(), complaint.id() + "#" + event.sequence() + ":" + recipient.key());
      out.add(new Notification(
          id, complaint.id(), event.sequence(), kind, recipient, channel, language,
          policy.templates().render(kind, language, values), event.occurredAt(),
          policy.quietHours().windowFor(complaint, kind, recipient, channel, policy.zone()), complaint.tenant()));
    }
  }

  /** The role in which the holder of a flag's attention post is told. */
  private static RecipientRole attentionRole(Post post) {
    if (post.duties().contains(PostDuty.HEAD_OF_DEPARTMENT)) {
      return RecipientRole.HEAD_OF_DEPARTMENT;
    }
    return post.duties().contains(PostDuty.NODAL_OFFICER) ? RecipientRole.NODAL_OFFICER : RecipientRole.SUPERVISOR;
  }

  /** The assignment in force just before the first event: undone from the first event that moves it. */
  private static Optional<Assignment> assignmentBefore(Complaint after, List<ComplaintEvent> events) {
    for (ComplaintEvent e : events) {
      if (e instanceof ComplaintAssigned || e instanceof ComplaintRegistered) {
        return Optional.empty();
      } else if (e instanceof ComplaintEscalated x) {
        return Optional.of(x.from());
      } else if (e instanceof ComplaintTransferred x) {
        return Optional.of(x.from());
      } else if (e instanceof ComplaintReassigned x) {
        return Optional.of(x.from());
      } else if (e instanceof ComplaintEvent.ComplaintAppealed x) {
        return Optional.of(x.from());
      }
    }
    return after.assignment();
  }

  private static Optional<Assignment> assignmentAfter(ComplaintEvent e, Optional<Assignment> before) {
    return Lifecycle.movedTo(e).or(() -> before);
  }

  private static Function<Language, String> same(String reason) {
    return language -> reason;
  }

  private static String rejection(ComplaintRejected e, Language language) {
    boolean hindi = language == Language.HINDI;
    String why =
        switch (e.reason()) {
          case DUPLICATE -> {
            String of = e.duplicateOf().map(ComplaintId::value).orElse(NotificationPolicy.NONE);
            yield hindi ? "शिकायत " + of + " की पुनरावृत्ति" : "duplicate of complaint " + of;
          }
          case OUT_OF_SCOPE -> hindi ? "विषय क्षेत्र से बाहर" : "out of scope";
          case FAKE -> hindi ? "असत्य पाई गई" : "found to be false";
        };
    return why + " - " + e.remark();
  }
}
