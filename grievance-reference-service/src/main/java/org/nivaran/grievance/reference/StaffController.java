package org.nivaran.grievance.reference;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageCursor;
import org.nivaran.grievance.store.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff endpoints, under {@code /api/staff}, for callers with a bearer token
 * ({@link BearerTokenFilter}): an agent registers and verifies, an officer reads their work list and
 * resolves. The service only turns the caller into an {@link Actor}; Nivaran decides whether that
 * actor may run the command (an agent who resolves is refused by {@code ROLE_MAY_ISSUE_COMMAND}, an
 * officer who resolves another post's complaint by {@code OFFICER_HOLDS_POST_IN_DIRECTORY}). The one
 * check of the service's own is that an officer reads only their own work list
 * ({@code OWN_WORK_LIST_ONLY}).
 *
 * <p>Thread-safe: stateless beyond its thread-safe collaborators.
 */
@RestController
@RequestMapping(path = "/api/staff", produces = MediaType.APPLICATION_JSON_VALUE)
public class StaffController {
  private final Grievances grievances;
  private final JdbcComplaintStore store;
  private final Clock clock;

  /**
   * Created by Spring.
   *
   * @param grievances the starter's entry point
   * @param store the starter's store, for the work lists
   * @param clock the starter's clock
   */
  public StaffController(Grievances grievances, JdbcComplaintStore store, Clock clock) {
    this.grievances = grievances;
    this.store = store;
    this.clock = clock;
  }

  /**
   * The citizen of a registration.
   *
   * @param name the name
   * @param phone the phone number
   * @param language a language tag, {@code hi} when absent
   */
  public record CitizenBody(String name, String phone, String language) {
    /** Masks the name and number. */
    @Override
    public String toString() {
      return "CitizenBody[masked]";
    }
  }

  /**
   * A registration by an agent (or an officer at a counter).
   *
   * @param citizen the citizen
   * @param categoryCode the category
   * @param jurisdictionCode the jurisdiction
   * @param description what the citizen says, exactly
   * @param channel how it came, {@code PHONE_CALL} when absent
   * @param idempotencyKey a key that makes a retry return the first attempt's complaint, or null
   */
  public record RegisterBody(CitizenBody citizen, String categoryCode, String jurisdictionCode, String description,
      String channel, String idempotencyKey) {}

  /**
   * An officer's action-taken reply.
   *
   * @param reply the reply
   * @param version the version the officer read, or null for the latest
   */
  public record ResolveBody(String reply, Long version) {}

  /**
   * The outcome of the call centre's verification call.
   *
   * @param outcome {@code SATISFIED}, {@code DISSATISFIED} or {@code UNREACHABLE}
   * @param rating the citizen's rating, 1 to 5, or null
   * @param remark a remark (required when dissatisfied: the reason), or null
   * @param version the version the agent read, or null for the latest
   */
  public record VerifyBody(String outcome, Integer rating, String remark, Long version) {}

  /**
   * A page of a work list.
   *
   * @param officerId whose
   * @param posts the posts the officer answers for now
   * @param items the complaints, oldest registration first
   * @param next the cursor of the next page, or null on the last
   */
  public record WorkListPage(String officerId, List<String> posts, List<ComplaintView> items, String next) {}

  /**
   * Registers a complaint.
   *
   * @param caller the caller
   * @param body the registration
   * @return 201 with the complaint (200 with the earlier one for a retry with the same key)
   */
  @PostMapping(path = "/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ComplaintView> register(Caller caller,
      @RequestBody RegisterBody body) {
    CitizenBody citizen = required(body.citizen(), "citizen");
    Complainant complainant = Complainant.of(required(citizen.name(), "citizen.name"),
        required(citizen.phone(), "citizen.phone"), citizen.language() == null ? "hi" : citizen.language());
    RegisterComplaint.Builder request = RegisterComplaint.builder()
        .channel(channel(body.channel()))
        .citizen(complainant)
        .categoryCode(required(body.categoryCode(), "categoryCode"))
        .jurisdictionCode(required(body.jurisdictionCode(), "jurisdictionCode"))
        .description(required(body.description(), "description"));
    if (body.idempotencyKey() != null) {
      request.idempotencyKey(body.idempotencyKey());
    }
    var registration = grievances.submit(request.build(), registrar(caller));
    Complaint c = registration.complaint();
    boolean created = registration.outcome() == org.nivaran.grievance.complaint.Registration.Outcome.CREATED;
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/staff/complaints/" + c.id().value()))
        .body(ComplaintView.of(c));
  }

  /**
   * A complaint, for any caller of the staff.
   *
   * @param caller the caller (any agent or officer; present, so that no path reaches this unauthenticated)
   * @param id the complaint number
   * @return the complaint
   */
  @GetMapping("/complaints/{id}")
  public ComplaintView complaint(Caller caller, @PathVariable String id) {
    return ComplaintView.of(grievances.get(ComplaintId.of(id)));
  }

  /**
   * Files the action-taken reply, as the officer of the complaint's post.
   *
   * @param caller the caller
   * @param id the complaint number
   * @param body the reply
   * @return the complaint, now RESOLVED
   */
  @PostMapping(path = "/complaints/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintView resolve(Caller caller, @PathVariable String id,
      @RequestBody ResolveBody body) {
    ComplaintId cid = ComplaintId.of(id);
    Complaint c = grievances.get(cid);
    Actor actor = caller.actor(actingPost(caller, c));
    return ComplaintView.of(run(cid, body.version(), new ComplaintCommand.Resolve(body.reply(), List.of()), actor));
  }

  /**
   * Records the call centre's verification call: satisfied (closes it), dissatisfied (reopens or
   * escalates it, as the verification policy says) or unreachable.
   *
   * @param caller the caller
   * @param id the complaint number
   * @param body the outcome
   * @return the complaint after it
   */
  @PostMapping(path = "/complaints/{id}/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintView verify(Caller caller, @PathVariable String id,
      @RequestBody VerifyBody body) {
    ComplaintId cid = ComplaintId.of(id);
    Complaint c = grievances.get(cid);
    String outcome = required(body.outcome(), "outcome");
    Optional<Integer> rating = Optional.ofNullable(body.rating());
    Optional<String> remark = Optional.ofNullable(body.remark());
    ComplaintCommand command = switch (outcome) {
      case "SATISFIED" -> new ComplaintCommand.ConfirmSatisfied(rating, remark);
      case "DISSATISFIED" -> new ComplaintCommand.ReportDissatisfied(rating, required(body.remark(), "remark"));
      case "UNREACHABLE" -> new ComplaintCommand.RecordUnreachable(remark);
      default -> throw new InvalidInputException("outcome", "must be SATISFIED, DISSATISFIED or UNREACHABLE (was '"
          + outcome + "')");
    };
    return ComplaintView.of(run(cid, body.version(), command, caller.actor(actingPost(caller, c))));
  }

  /**
   * An officer's work list: the open complaints of every post they answer for now (held, or in
   * additional charge), oldest registration first, a page at a time.
   *
   * @param caller the caller; must be that officer
   * @param officerId the officer
   * @param size the page size, 1 to 1000
   * @param cursor the previous page's {@code next}, or none for the first page
   * @return the page
   * @throws ServiceRefusal 403 ({@code OWN_WORK_LIST_ONLY}) for anyone but the officer
   */
  @GetMapping("/officers/{officerId}/work-list")
  public WorkListPage workList(Caller caller, @PathVariable String officerId,
      @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String cursor) {
    if (caller.role() != Caller.Role.OFFICER || !caller.id().equals(officerId)) {
      throw new ServiceRefusal(HttpStatus.FORBIDDEN, "OWN_WORK_LIST_ONLY", "officerId",
          "an officer reads only their own work list");
    }
    int pageSize = pageSize(size, "size");
    Optional<PageCursor> after = Optional.ofNullable(cursor).map(PageCursor::parse);
    List<Post> posts = grievances.directory().orElseThrow().posts().answeredBy(officerId, clock.instant());
    List<Function<PageRequest, Page<Complaint>>> lists = posts.stream()
        .<Function<PageRequest, Page<Complaint>>>map(p -> r -> store.pendingAt(grievances.tenant(), p.id(), r))
        .toList();
    Page<Complaint> page = MergedPages.page(lists, after, pageSize, Integer.MAX_VALUE, c -> true, c -> false);
    return new WorkListPage(officerId, posts.stream().map(p -> p.id().code()).toList(),
        page.items().stream().map(ComplaintView::of).toList(), page.next().map(PageCursor::token).orElse(null));
  }

  private Complaint run(ComplaintId id, Long version, ComplaintCommand command, Actor actor) {
    return version == null ? grievances.execute(id, command, actor) : grievances.execute(id, version, command, actor);
  }

  /**
   * The post an officer acts from: the complaint's, whether or not they hold it (Nivaran checks
   * that); before assignment, the first post they answer for.
   */
  private PostId actingPost(Caller caller, Complaint c) {
    if (caller.role() == Caller.Role.AGENT) {
      return null;
    }
    return c.assignment().map(a -> a.post()).orElseGet(() -> firstPost(caller));
  }

  private Actor registrar(Caller caller) {
    return caller.role() == Caller.Role.AGENT ? Actor.agent(caller.id()) : caller.actor(firstPost(caller));
  }

  /**
   * The first post an officer answers for now.
   *
   * @throws ServiceRefusal 403 {@code OFFICER_HOLDS_POST_IN_DIRECTORY} if the directory shows none
   */
  static PostId firstPost(Grievances grievances, Clock clock, Caller caller) {
    return grievances.directory().orElseThrow().posts().answeredBy(caller.id(), clock.instant()).stream()
        .findFirst().map(Post::id)
        .orElseThrow(() -> new ServiceRefusal(HttpStatus.FORBIDDEN, "OFFICER_HOLDS_POST_IN_DIRECTORY", null,
            "the directory shows the officer holding no post"));
  }

  private PostId firstPost(Caller caller) {
    return firstPost(grievances, clock, caller);
  }

  static int pageSize(int size, String field) {
    if (size < 1 || size > PageRequest.MAX_SIZE) {
      throw new InvalidInputException(field, "must be 1 to " + PageRequest.MAX_SIZE + " (was " + size + ")");
    }
    return size;
  }

  private static Channel channel(String channel) {
    if (channel == null) {
      return Channel.PHONE_CALL;
    }
    try {
      return Channel.valueOf(channel);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("channel", "is not a channel (was '" + channel + "')");
    }
  }

  static <T> T required(T value, String field) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    return value;
  }
}
