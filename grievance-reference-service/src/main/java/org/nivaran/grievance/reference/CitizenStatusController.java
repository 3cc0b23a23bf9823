package org.nivaran.grievance.reference;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Department;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's status lookup: {@code POST /api/citizen/status} with the complaint number and the
 * phone number it was registered with, in a JSON body, so that the number lands in no URL or
 * access log. An unknown complaint number, a malformed one and a wrong phone number answer
 * alike, a 404 problem with the rule {@code NO_COMPLAINT_FOR_NUMBER_AND_PHONE}, so nobody can
 * probe which complaint numbers exist; the answer never carries the phone number.
 *
 * <p>Thread-safe: stateless beyond its thread-safe collaborators.
 */
@RestController
public class CitizenStatusController {
  private final Grievances grievances;

  /**
   * Created by Spring.
   *
   * @param grievances the starter's entry point
   */
  public CitizenStatusController(Grievances grievances) {
    this.grievances = grievances;
  }

  /**
   * What the citizen asks with.
   *
   * @param complaintNumber the complaint number, e.g. {@code RPR-2026-000001}
   * @param phone the phone number it was registered with, in any usual form
   */
  public record StatusQuery(String complaintNumber, String phone) {
    /** Masks the number. */
    @Override
    public String toString() {
      return "StatusQuery[complaintNumber=" + complaintNumber + ", phone=" + (phone == null ? "null" : "[masked]") + "]";
    }
  }

  /**
   * What the citizen is told: no personal data, the department and category named in Hindi and
   * English.
   *
   * @param complaintNumber the complaint number
   * @param status the status, e.g. {@code IN_PROGRESS}
   * @param open whether it is still open
   * @param categoryEn the category in English
   * @param categoryHi the category in Hindi
   * @param departmentEn the department in charge in English, or null before assignment
   * @param departmentHi the department in charge in Hindi, or null before assignment
   * @param reply the action-taken reply, or null
   * @param closure how it closed, or null while open
   * @param registeredAt when it was registered
   * @param updatedAt when it last changed
   * @param dueAt the running deadline, or null
   */
  public record StatusAnswer(String complaintNumber, String status, boolean open, String categoryEn, String categoryHi,
      String departmentEn, String departmentHi, String reply, String closure, Instant registeredAt, Instant updatedAt,
      Instant dueAt) {}

  /**
   * Looks a complaint up by its number and the citizen's phone.
   *
   * @param query the number and the phone
   * @return the status
   * @throws InvalidInputException (field {@code phone} or {@code complaintNumber}) if one is missing, or
   *     the phone is not a phone number
   * @throws ServiceRefusal 404 if there is no complaint with that number registered with that phone
   */
  @PostMapping(path = "/api/citizen/status", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public StatusAnswer status(@RequestBody StatusQuery query) {
    if (query.complaintNumber() == null || query.complaintNumber().isBlank()) {
      throw new InvalidInputException("complaintNumber", "is required");
    }
    if (query.phone() == null || query.phone().isBlank()) {
      throw new InvalidInputException("phone", "is required");
    }
    PhoneNumber phone = PhoneNumber.parse(query.phone(), "phone");
    Optional<Complaint> found;
    try {
      found = grievances.find(ComplaintId.of(query.complaintNumber().strip()));
    } catch (InvalidInputException malformed) {
      found = Optional.empty();
    }
    Complaint c = found.filter(x -> x.citizen().phone().equals(phone))
        .orElseThrow(() -> new ServiceRefusal(HttpStatus.NOT_FOUND, "NO_COMPLAINT_FOR_NUMBER_AND_PHONE", null,
            "no complaint with this number was registered with this phone number"));
    Optional<Category> category = grievances.directory().flatMap(d -> d.categories().find(c.categoryCode()));
    Optional<Department> department = c.assignment().flatMap(a -> grievances.directory()
        .flatMap(d -> d.departments().find(a.department())));
    return new StatusAnswer(c.id().value(), c.status().name(), c.status().isOpen(),
        category.map(Category::nameEn).orElse(c.categoryCode()), category.map(Category::nameHi).orElse(c.categoryCode()),
        department.map(Department::nameEn).orElse(c.assignment().map(a -> a.department()).orElse(null)),
        department.map(Department::nameHi).orElse(c.assignment().map(a -> a.department()).orElse(null)),
        c.resolution().map(r -> r.reply()).orElse(null), c.closure().map(cl -> cl.kind().name()).orElse(null),
        c.registeredAt(), c.updatedAt(), c.dueAt().orElse(null));
  }
}
