package org.nivaran.grievance.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
  /** The directory file (departments, jurisdictions, categories, posts) in the JSON format of DirectoryJson. */
  private Path directoryFile;
  /**
   * A folder of the directory's CSV tables (departments.csv, jurisdictions.csv, categories.csv,
   * posts.csv, and additional-charges.csv if any) in the format of CsvTables; instead of the
   * directory file, not with it.
   */
  private Path directoryCsv;
  /** The business calendars file in the JSON format of CalendarJson (a registry of calendars). */
  private Path calendarsFile;
  /**
   * The escalation policies file in the JSON format of EscalationPolicyJson (docs/policy-format.md),
   * whose calendars are those of the calendars file.
   */
  private Path policiesFile;
  /**
   * Why the store may run on a database that does not keep commits through a crash (an in-memory
   * H2 for development or tests); unset on a real database, where the store then checks durability.
   */
  private String allowNonDurable;
  /** The escalator's schedule. */
  private final Escalator escalator = new Escalator();
  /** The outbox relay's schedule. */
  private final Relay relay = new Relay();
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
   * The directory file, or null when the host gives a {@code Directory} bean or none.
   *
   * @return the file
   */
  public Path getDirectoryFile() {
    return directoryFile;
  }

  /**
   * Sets the directory file.
   *
   * @param directoryFile the file
   */
  public void setDirectoryFile(Path directoryFile) {
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
   * or none.
   *
   * @return the file
   */
  public Path getPoliciesFile() {
    return policiesFile;
  }

  /**
   * Sets the escalation policies file.
   *
   * @param policiesFile the file
   */
  public void setPoliciesFile(Path policiesFile) {
    this.policiesFile = policiesFile;
  }

  /**
   * The calendars file, or null when the host gives a {@code CalendarRegistry} bean or none.
   *
   * @return the file
   */
  public Path getCalendarsFile() {
    return calendarsFile;
  }

  /**
   * Sets the calendars file.
   *
   * @param calendarsFile the file
   */
  public void setCalendarsFile(Path calendarsFile) {
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
  public Escalator getEscalator() {
    return escalator;
  }

  /**
   * The relay's schedule.
   *
   * @return the relay properties
   */
  public Relay getRelay() {
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

  /** The escalator's schedule ({@code nivaran.escalator.*}). Not thread-safe while bound. */
  public static class Escalator {
    /** Whether this node sweeps for due complaints; safe on any number of nodes. */
    private boolean enabled = true;
    /** The pause between the end of one sweep and the start of the next. */
    private Duration interval = Duration.ofMinutes(1);
    /** The most due complaints one claim takes; a sweep claims batch after batch until none are due. */
    private int batchSize = 500;
    /**
     * How long claimed complaints stay with this node before another may claim them; longer than a
     * batch takes.
     */
    private Duration lease = Duration.ofMinutes(5);

    /** Creates the defaults. */
    public Escalator() {}

    /**
     * The most due complaints per claim.
     *
     * @return the batch size
     */
    public int getBatchSize() {
      return batchSize;
    }

    /**
     * Sets the most due complaints per claim.
     *
     * @param batchSize the batch size, at least 1
     */
    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /**
     * The claim lease.
     *
     * @return the lease
     */
    public Duration getLease() {
      return lease;
    }

    /**
     * Sets the claim lease.
     *
     * @param lease the lease, positive
     */
    public void setLease(Duration lease) {
      this.lease = lease;
    }

    /**
     * Whether the escalator runs.
     *
     * @return true to run
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the escalator runs.
     *
     * @param enabled true to run
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The pause between sweeps.
     *
     * @return the interval
     */
    public Duration getInterval() {
      return interval;
    }

    /**
     * Sets the pause between sweeps.
     *
     * @param interval the interval, positive
     */
    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }

  /** The outbox relay's schedule ({@code nivaran.relay.*}). Not thread-safe while bound. */
  public static class Relay {
    /** Whether this node delivers the outbox; safe on any number of nodes. */
    private boolean enabled = true;
    /** The pause between the end of one drain and the start of the next. */
    private Duration interval = Duration.ofSeconds(5);
    /** The most messages one claim takes. */
    private int batchSize = 50;
    /** How long claimed messages stay with this node before another may claim them. */
    private Duration lease = Duration.ofMinutes(1);
    /**
     * With no Notifier bean, log each message (its id only) instead of refusing to start; for
     * development only, as nothing reaches anyone.
     */
    private boolean loggingNotifier = false;

    /** Creates the defaults. */
    public Relay() {}

    /**
     * Whether the relay runs.
     *
     * @return true to run
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the relay runs.
     *
     * @param enabled true to run
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The pause between drains.
     *
     * @return the interval
     */
    public Duration getInterval() {
      return interval;
    }

    /**
     * Sets the pause between drains.
     *
     * @param interval the interval, positive
     */
    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    /**
     * The most messages per claim.
     *
     * @return the batch size
     */
    public int getBatchSize() {
      return batchSize;
    }

    /**
     * Sets the most messages per claim.
     *
     * @param batchSize the batch size, at least 1
     */
    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /**
     * The claim lease.
     *
     * @return the lease
     */
    public Duration getLease() {
      return lease;
    }

    /**
     * Sets the claim lease.
     *
     * @param lease the lease, positive
     */
    public void setLease(Duration lease) {
      this.lease = lease;
    }

    /**
     * Whether a logging notifier stands in for a missing Notifier bean.
     *
     * @return true to log
     */
    public boolean isLoggingNotifier() {
      return loggingNotifier;
    }

    /**
     * Sets whether a logging notifier stands in for a missing Notifier bean.
     *
     * @param loggingNotifier true to log
     */
    public void setLoggingNotifier(boolean loggingNotifier) {
      this.loggingNotifier = loggingNotifier;
    }
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
