package org.nivaran.grievance.reference;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code reference.*} properties: the Open311 source, jurisdiction and read bound, and the callers' bearer
 * tokens (the directory, calendars and policies are the starter's {@code nivaran.*} files).
 *
 * <p>A mutable bean bound once by Spring at start-up; read-only afterwards.
 */
@ConfigurationProperties(prefix = "reference")
public class ReferenceProperties {
  private final Open311 open311 = new Open311();
  private List<CallerEntry> callers = new ArrayList<>();

  /** Creates the properties with their defaults. */
  public ReferenceProperties() {}

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
    private int maxRowsRead = 2000;

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

    /**
     * The most rows one {@code GET requests.json} loads from the store, every row of every query,
     * matching its filters or not, before it ends its page with a cursor to read on from; 2000 by
     * default, at least twice the number of jurisdictions times statuses (checked at start-up).
     *
     * @return the bound
     */
    public int getMaxRowsRead() {
      return maxRowsRead;
    }

    /**
     * Sets the bound.
     *
     * @param maxRowsRead the most rows loaded per request
     */
    public void setMaxRowsRead(int maxRowsRead) {
      this.maxRowsRead = maxRowsRead;
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
