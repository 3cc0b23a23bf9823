package org.nivaran.grievance.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.CsvTables;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.Jurisdictions;
import org.nivaran.grievance.directory.Posts;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.json.CalendarJson;
import org.nivaran.grievance.json.DirectoryJson;
import org.nivaran.grievance.json.EscalationPolicyJson;

/** Reads the files the properties name, turning every failure into a {@link NivaranConfigurationException}. */
final class ConfigurationFiles {
  static final String DIRECTORY_FILE = "nivaran.directory-file";
  static final String DIRECTORY_CSV = "nivaran.directory-csv";
  static final String CALENDARS_FILE = "nivaran.calendars-file";
  static final String POLICIES_FILE = "nivaran.policies-file";
  /** The prefix of a location on the class path, as Spring writes it. */
  static final String CLASSPATH = "classpath:";
  /** The tables of a directory folder, each required but the last. */
  static final String DEPARTMENTS = "departments.csv";
  static final String JURISDICTIONS = "jurisdictions.csv";
  static final String CATEGORIES = "categories.csv";
  static final String POSTS = "posts.csv";
  static final String ADDITIONAL_CHARGES = "additional-charges.csv";

  private ConfigurationFiles() {}

  static Directory directory(String location) {
    if (onClassPath(location)) {
      String json = resource(DIRECTORY_FILE, location);
      return read(DIRECTORY_FILE, location, () -> DirectoryJson.read(json));
    }
    Path file = file(DIRECTORY_FILE, location);
    return read(DIRECTORY_FILE, file.toString(), () -> DirectoryJson.read(file));
  }

  /**
   * The directory of the CSV tables in {@code folder}: departments, jurisdictions, categories and
   * posts, and the additional charges if the folder has their table.
   */
  static Directory directoryCsv(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new NivaranConfigurationException(DIRECTORY_CSV, folder, "no such folder (it holds " + DEPARTMENTS
          + ", " + JURISDICTIONS + ", " + CATEGORIES + ", " + POSTS + " and, if any, " + ADDITIONAL_CHARGES + ")", null);
    }
    Path departmentsFile = table(folder, DEPARTMENTS);
    Departments departments = read(DIRECTORY_CSV, departmentsFile, () -> CsvTables.departments(departmentsFile));
    Path jurisdictionsFile = table(folder, JURISDICTIONS);
    Jurisdictions jurisdictions =
        read(DIRECTORY_CSV, jurisdictionsFile, () -> CsvTables.jurisdictions(jurisdictionsFile));
    Path categoriesFile = table(folder, CATEGORIES);
    Categories categories =
        read(DIRECTORY_CSV, categoriesFile, () -> CsvTables.categories(categoriesFile, departments));
    Path postsFile = table(folder, POSTS);
    Posts held = read(DIRECTORY_CSV, postsFile, () -> CsvTables.posts(postsFile, departments, jurisdictions));
    Path chargesFile = folder.resolve(ADDITIONAL_CHARGES);
    Posts posts = !Files.exists(chargesFile) ? held : read(DIRECTORY_CSV, chargesFile, () -> {
      try (Reader in = Files.newBufferedReader(chargesFile, StandardCharsets.UTF_8)) {
        return CsvTables.additionalCharges(in, ADDITIONAL_CHARGES, held);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read file '" + chargesFile + "': " + e.getMessage(), e);
      }
    });
    return read(DIRECTORY_CSV, folder, () -> Directory.builder()
        .departments(departments)
        .jurisdictions(jurisdictions)
        .categories(categories)
        .posts(posts)
        .build());
  }

  static CalendarRegistry calendars(String location) {
    if (onClassPath(location)) {
      String json = resource(CALENDARS_FILE, location);
      return read(CALENDARS_FILE, location, () -> CalendarJson.readRegistry(json));
    }
    Path file = file(CALENDARS_FILE, location);
    return read(CALENDARS_FILE, file.toString(), () -> CalendarJson.readRegistry(file));
  }

  /** The policies at {@code location}, each of whose calendars must be one of {@code calendars}. */
  static EscalationPolicies policies(String location, CalendarRegistry calendars) {
    if (onClassPath(location)) {
      String json = resource(POLICIES_FILE, location);
      return read(POLICIES_FILE, location, () -> EscalationPolicyJson.read(json, calendars));
    }
    Path file = file(POLICIES_FILE, location);
    return read(POLICIES_FILE, file.toString(), () -> EscalationPolicyJson.read(file, calendars));
  }

  private static boolean onClassPath(String location) {
    return location.startsWith(CLASSPATH);
  }

  /** The file a location names: a path, or a {@code file:} URL; refused unless it is a readable file. */
  private static Path file(String property, String location) {
    if (location.startsWith("classpath*:")) {
      throw new NivaranConfigurationException(property, location, "names many resources; give one, as "
          + CLASSPATH + " and a resource name", null);
    }
    Path file;
    try {
      file = location.startsWith("file:") ? fileUrl(location) : Path.of(location);
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw new NivaranConfigurationException(property, location, "is neither a path, a file: URL nor "
          + CLASSPATH + " and a resource name", e);
    }
    requireReadable(property, file);
    return file;
  }

  /**
   * The path of a {@code file:} location: an absolute URL ({@code file:/opt/x.json},
   * {@code file:///opt/x.json}) as a URI, anything else after the prefix as a path, as Spring reads
   * {@code file:config/x.json} or {@code file:/opt/my dir/x.json}.
   */
  private static Path fileUrl(String location) {
    try {
      URI uri = new URI(location);
      if (uri.isAbsolute() && !uri.isOpaque()) {
        return Path.of(uri);
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // not a URL Java parses (a space, say): read it as a path below
    }
    return Path.of(location.substring("file:".length()));
  }

  /**
   * The UTF-8 text of a {@code classpath:} resource, looked up by the thread's context class loader
   * (the application's, also in a packaged jar) and then by the starter's own.
   */
  private static String resource(String property, String location) {
    String name = location.substring(CLASSPATH.length());
    name = name.startsWith("/") ? name.substring(1) : name;
    if (name.isBlank() || name.endsWith("/")) {
      throw new NivaranConfigurationException(property, location, "names no file on the class path", null);
    }
    List<ClassLoader> loaders = new ArrayList<>(2);
    Optional.ofNullable(Thread.currentThread().getContextClassLoader()).ifPresent(loaders::add);
    loaders.add(ConfigurationFiles.class.getClassLoader());
    for (ClassLoader loader : loaders) {
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new NivaranConfigurationException(property, location, "cannot be read: " + e.getMessage(), e);
      }
    }
    throw new NivaranConfigurationException(property, location, "no such resource on the class path", null);
  }

  private static <T> T read(String property, Path file, Supplier<T> reader) {
    return read(property, file.toString(), reader);
  }

  /** Reads {@code location} for {@code property}; an I/O failure or bad content names both. */
  private static <T> T read(String property, String location, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (UncheckedIOException e) {
      throw new NivaranConfigurationException(property, location, "cannot be read: " + e.getMessage(), e);
    } catch (InvalidInputException e) {
      // the field is the JSON path of the bad value: say so
      throw new NivaranConfigurationException(property, location, "field " + e.getMessage(), e);
    } catch (GrievanceException | IllegalArgumentException e) {
      throw new NivaranConfigurationException(property, location, e.getMessage(), e);
    }
  }

  private static Path table(Path folder, String name) {
    Path file = folder.resolve(name);
    requireReadable(DIRECTORY_CSV, file);
    return file;
  }

  private static void requireReadable(String property, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new NivaranConfigurationException(property, file, "no such readable file", null);
    }
  }
}
