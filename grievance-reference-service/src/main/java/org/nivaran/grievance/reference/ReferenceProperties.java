package org.nivaran.grievance.reference;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code reference.*} properties: where the sample directory and calendars are, the escalation
 * policy the directory's categories name, the Open311 source and jurisdiction, and the callers'
 * bearer tokens.
 *
 * <p>A mutable bean bound once by Spring at start-up; read-only afterwards.
 */
@ConfigurationProperties(prefix = "reference")
public class ReferenceProperties {
  private Resource directory;
  private Resource calendars;
  private String escalationPolicy = "cg-7d-per-level";
  private String calendar = "CG-OFFICE";
  private final Open311 open311 = new Open311();
  private List<CallerEntry> callers = new ArrayList<>();

  /** Creates the properties with their defaults. */
  public ReferenceProperties() {}

  /**
   * The directory (JSON, the format of {@code DirectoryJson}), e.g. {@code classpath:nivaran/directory.json}.
   *
   * @return the resource, or null
   */
  public Resource getDirectory() {
    return directory;
  }

  /**
   * Sets the directory resource.
   *
   * @param directory the resource
   */
  public void setDirectory(Resource directory) {
    this.directory = directory;
  }

  /**
   * The calendars (a JSON registry, the format of {@code CalendarJson}).
   *
   * @return the resource, or null
   */
  public Resource getCalendars() {
    return calendars;
  }

  /**
   * Sets the calendars resource.
   *
   * @param calendars the resource
   */
  public void setCalendars(Resource calendars) {
    this.calendars = calendars;
  }

  /**
   * The id of the escalation ladder the directory's categories name as {@code slaPolicy}.
   *
   * @return the id
   */
  public String getEscalationPolicy() {
    return escalationPolicy;
  }

  /**
   * Sets the ladder's id.
   *
   * @param escalationPolicy the id
   */
  public void setEscalationPolicy(String escalationPolicy) {
    this.escalationPolicy = escalationPolicy;
  }

  /**
   * The calendar the ladder counts working days on.
   *
   * @return the calendar id
   */
  public String getCalendar() {
    return calendar;
  }

  /**
   * Sets the ladder's calendar.
   *
   * @param calendar the calendar id
   */
  public void setCalendar(String calendar) {
    this.calendar = calendar;
  }

  /**
   * The Open311 settings.
   *
   * @return the settings
   */
  public Open311 getOpen311() {
    return open311;
  }

  /**
   * The callers, each a bearer token and the actor it stands for.
   *
   * @return the callers
   */
  public List<CallerEntry> getCallers() {
    return callers;
  }

  /**
   * Sets the callers.
   *
   * @param callers the callers
   */
  public void setCallers(List<CallerEntry> callers) {
    this.callers = callers;
  }

  /** Where Open311 requests come from and are registered. Bound once at start-up. */
  public static class Open311 {
    private String source = "OPEN311";
    private String jurisdiction;

    /** Creates the settings with their defaults. */
    public Open311() {}

    /**
     * The source code of the references Open311 requests get.
     *
     * @return the source
     */
    public String getSource() {
      return source;
    }

    /**
     * Sets the source code.
     *
     * @param source the source
     */
    public void setSource(String source) {
      this.source = source;
    }

    /**
     * The jurisdiction an Open311 request is registered in.
     *
     * @return the jurisdiction code
     */
    public String getJurisdiction() {
      return jurisdiction;
    }

    /**
     * Sets the jurisdiction.
     *
     * @param jurisdiction the jurisdiction code
     */
    public void setJurisdiction(String jurisdiction) {
      this.jurisdiction = jurisdiction;
    }
  }

  /** One caller: a bearer token, a role and an id. Bound once at start-up. */
  public static class CallerEntry {
    private String token;
    private Caller.Role role;
    private String id;

    /** Creates an empty entry. */
    public CallerEntry() {}

    /**
     * The bearer token.
     *
     * @return the token
     */
    public String getToken() {
      return token;
    }

    /**
     * Sets the bearer token.
     *
     * @param token the token
     */
    public void setToken(String token) {
      this.token = token;
    }

    /**
     * The caller's role.
     *
     * @return the role
     */
    public Caller.Role getRole() {
      return role;
    }

    /**
     * Sets the role.
     *
     * @param role the role
     */
    public void setRole(Caller.Role role) {
      this.role = role;
    }

    /**
     * The agent's or officer's id (an officer's is the directory's {@code Officer.id}).
     *
     * @return the id
     */
    public String getId() {
      return id;
    }

    /**
     * Sets the id.
     *
     * @param id the id
     */
    public void setId(String id) {
      this.id = id;
    }
  }
}
