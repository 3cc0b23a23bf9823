package org.nivaran.grievance.spring;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.json.CalendarJson;
import org.nivaran.grievance.json.DirectoryJson;

/** Reads the files the properties name, turning every failure into a {@link NivaranConfigurationException}. */
final class ConfigurationFiles {
  static final String DIRECTORY_FILE = "nivaran.directory-file";
  static final String CALENDARS_FILE = "nivaran.calendars-file";

  private ConfigurationFiles() {}

  static Directory directory(Path file) {
    requireReadable(DIRECTORY_FILE, file);
    try {
      return DirectoryJson.read(file);
    } catch (UncheckedIOException e) {
      throw new NivaranConfigurationException(DIRECTORY_FILE, file, "cannot be read: " + e.getMessage(), e);
    } catch (GrievanceException | IllegalArgumentException e) {
      throw new NivaranConfigurationException(DIRECTORY_FILE, file, e.getMessage(), e);
    }
  }

  static CalendarRegistry calendars(Path file) {
    requireReadable(CALENDARS_FILE, file);
    try {
      return CalendarJson.readRegistry(file);
    } catch (UncheckedIOException e) {
      throw new NivaranConfigurationException(CALENDARS_FILE, file, "cannot be read: " + e.getMessage(), e);
    } catch (GrievanceException | IllegalArgumentException e) {
      throw new NivaranConfigurationException(CALENDARS_FILE, file, e.getMessage(), e);
    }
  }

  private static void requireReadable(String property, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new NivaranConfigurationException(property, file, "no such readable file", null);
    }
  }
}
