package org.nivaran.grievance.spring;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code nivaran.*} properties the auto-configuration reads.
 *
 * <p>A mutable bean bound once by Spring at start-up; not thread-safe while being bound, read-only
 * afterwards.
 */
@ConfigurationProperties(prefix = "nivaran")
public class NivaranProperties {
  /** The tenant this application serves; {@code default} when it names none. */
  private String tenant = "default";
  /** The prefix of complaint numbers, e.g. {@code RPR} for {@code RPR-2024-000001}. */
  private String idPrefix = "NVR";
  /** The zone whose year numbers complaints and whose day the SLA clocks count in. */
  private ZoneId zone = ZoneId.of("Asia/Kolkata");
  /** How many complaint numbers one node reserves from the database at a time. */
  private int idBlockSize = 20;
  /**
   * The directory file (departments, jurisdictions, categories, posts) in the JSON format of
   * DirectoryJson: a path, or classpath: and a resource name for a file packaged with the application.
   */
  private String directoryFile;
  /**
   * A folder of the directory's CSV tables (departments.csv, jurisdictions.csv, categories.csv,
   * posts.csv, and additional-charges.csv if any) in the format of CsvTables; instead of the
   * directory file, not with it.
   */
  private Path directoryCsv;
  /**
   * The business calendars file in the JSON format of CalendarJson (a registry of calendars): a path,
   * or classpath: and a resource name.
   */
  private String calendarsFile;
  /**
   * The escalation policies file in the JSON format of EscalationPolicyJson (docs/policy-format.md),
   * whose calendars are those of the calendars file: a path, or classpath: and a resource name.
   */
  private String policiesFile;
  /**
   * Why the store may run on a database that does not keep commits through a crash (an in-memory
   * H2 for development or tests); unset on a real database, where the store then checks durability.
   */
  private String allowNonDurable;
  /** The escalator's schedule. */
  @NestedConfigurationProperty
  private final EscalatorProperties escalator = new EscalatorProperties();
  /** The outbox relay's schedule. */
  @NestedConfigurationProperty
  private final RelayProperties relay = new RelayProperties();
  /** How the store's tables are created. */
  private final Schema schema = new Schema();

  /** Creates the properties with their defaults. */
  public NivaranProperties() {}

  /**
   * The tenant.
   *
   * @return the tenant id
   */
  public String getTenant() {
    return tenant;
  }

  /**
   * Sets the tenant.
   *
   * @param tenant the tenant id
   */
  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  /**
   * The prefix of complaint numbers.
   *
   * @return the prefix
   */
  public String getIdPrefix() {
    return idPrefix;
  }

  /**
   * Sets the prefix of complaint numbers.
   *
   * @param idPrefix the prefix
   */
  public void setIdPrefix(String idPrefix) {
    this.idPrefix = idPrefix;
  }

  /**
   * The zone of numbering and deadlines.
   *
   * @return the zone
   */
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Sets the zone of numbering and deadlines.
   *
   * @param zone the zone
   */
  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * How many numbers a node reserves at a time.
   *
   * @return the block size
   */
  public int getIdBlockSize() {
    return idBlockSize;
  }

  /**
   * Sets how many numbers a node reserves at a time.
   *
   * @param idBlockSize the block size, at least 1
   */
  public void setIdBlockSize(int idBlockSize) {
    this.idBlockSize = idBlockSize;
  }

  /**
   * The directory file, or null when the host gives a {@code Directory} bean or none: a path, or
   * {@code classpath:} and the name of a resource on the class path.
   *
   * @return the file's location
   */
  public String getDirectoryFile() {
    return directoryFile;
  }

  /**
   * Sets the directory file.
   *
   * @param directoryFile a path, or {@code classpath:} and a resource name
   */
  public void setDirectoryFile(String directoryFile) {
    this.directoryFile = directoryFile;
  }

  /**
   * The folder of the directory's CSV tables, or null when the directory comes from a file, a
   * {@code Directory} bean or nowhere.
   *
   * @return the folder
   */
  public Path getDirectoryCsv() {
    return directoryCsv;
  }

  /**
   * Sets the folder of the directory's CSV tables.
   *
   * @param directoryCsv the folder
   */
  public void setDirectoryCsv(Path directoryCsv) {
    this.directoryCsv = directoryCsv;
  }

  /**
   * The escalation policies file, or null when the host gives an {@code EscalationPolicies} bean
   * or none: a path, or {@code classpath:} and the name of a resource on the class path.
   *
   * @return the file's location
   */
  public String getPoliciesFile() {
    return policiesFile;
  }

  /**
   * Sets the escalation policies file.
   *
   * @param policiesFile a path, or {@code classpath:} and a resource name
   */
  public void setPoliciesFile(String policiesFile) {
    this.policiesFile = policiesFile;
  }

  /**
   * The calendars file, or null when the host gives a {@code CalendarRegistry} bean or none: a path,
   * or {@code classpath:} and the name of a resource on the class path.
   *
   * @return the file's location
   */
  public String getCalendarsFile() {
    return calendarsFile;
  }

  /**
   * Sets the calendars file.
   *
   * @param calendarsFile a path, or {@code classpath:} and a resource name
   */
  public void setCalendarsFile(String calendarsFile) {
    this.calendarsFile = calendarsFile;
  }

  /**
   * Why a non-durable database is allowed, or null.
   *
   * @return the reason
   */
  public String getAllowNonDurable() {
    return allowNonDurable;
  }

  /**
   * Sets why a non-durable database is allowed.
   *
   * @param allowNonDurable the reason
   */
  public void setAllowNonDurable(String allowNonDurable) {
    this.allowNonDurable = allowNonDurable;
  }

  /**
   * The escalator's schedule.
   *
   * @return the escalator properties
   */
  public EscalatorProperties getEscalator() {
    return escalator;
  }

  /**
   * The relay's schedule.
   *
   * @return the relay properties
   */
  public RelayProperties getRelay() {
    return relay;
  }

  /**
   * The schema installation.
   *
   * @return the schema properties
   */
  public Schema getSchema() {
    return schema;
  }

  /** The schema installation ({@code nivaran.schema.*}). Not thread-safe while bound. */
  public static class Schema {
    /**
     * Whether the starter creates and upgrades the store's tables at start-up: with Flyway running,
     * by adding the store's folder (classpath:db/nivaran/postgresql or h2) to its locations; else
     * with SchemaInstaller. False leaves the schema to the host.
     */
    private boolean install = true;

    /** Creates the defaults. */
    public Schema() {}

    /**
     * Whether the schema is installed at start-up.
     *
     * @return true to install
     */
    public boolean isInstall() {
      return install;
    }

    /**
     * Sets whether the schema is installed at start-up.
     *
     * @param install true to install
     */
    public void setInstall(boolean install) {
      this.install = install;
    }
  }
}
