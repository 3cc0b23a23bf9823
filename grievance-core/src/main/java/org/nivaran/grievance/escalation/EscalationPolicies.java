package org.nivaran.grievance.escalation;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.directory.Categories;

/**
 * The escalation policies by id, as categories name them. Immutable and thread-safe.
 */
public final class EscalationPolicies {
  private static final EscalationPolicies NONE = new EscalationPolicies(Map.of());

  private final Map<String, EscalationPolicy> byId;

  private EscalationPolicies(Map<String, EscalationPolicy> byId) {
    this.byId = byId;
  }

  /**
   * No policies: complaints get no SLA clock.
   *
   * @return the empty registry
   */
  public static EscalationPolicies none() {
    return NONE;
  }

  /**
   * The given policies.
   *
   * @param policies the policies, ids unique
   * @return the registry
   * @throws InvalidInputException naming {@code policies} if two share an id
   */
  public static EscalationPolicies of(Collection<? extends EscalationPolicy> policies) {
    Map<String, EscalationPolicy> byId = new LinkedHashMap<>();
    for (EscalationPolicy p : Objects.requireNonNull(policies, "policies")) {
      Objects.requireNonNull(p, "policy");
      if (byId.put(p.id(), p) != null) {
        throw new InvalidInputException("policies", "hold two policies with the id '" + p.id() + "'");
      }
    }
    return new EscalationPolicies(java.util.Collections.unmodifiableMap(byId));
  }

  /**
   * The given policies.
   *
   * @param policies the policies, ids unique
   * @return the registry
   * @throws InvalidInputException naming {@code policies} if two share an id
   */
  public static EscalationPolicies of(EscalationPolicy... policies) {
    return of(Arrays.asList(Objects.requireNonNull(policies, "policies")));
  }

  /**
   * A policy by id.
   *
   * @param id the id
   * @return the policy, if configured
   */
  public Optional<EscalationPolicy> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * The policy governing a complaint: the one whose SLA policy the complaint recorded, else the
   * one its category names.
   *
   * @param complaint the complaint
   * @param categories the category registry
   * @return the policy, if one is configured
   */
  public Optional<EscalationPolicy> forComplaint(Complaint complaint, Categories categories) {
    Objects.requireNonNull(complaint, "complaint");
    Optional<String> recorded = complaint.sla().map(t -> t.policy().id());
    if (recorded.isPresent()) {
      return find(recorded.get());
    }
    return categories.find(complaint.categoryCode()).flatMap(c -> find(c.escalationPolicyId()));
  }

  /**
   * Every policy, in the order given.
   *
   * @return the policies
   */
  public List<EscalationPolicy> all() {
    return List.copyOf(byId.values());
  }
}
