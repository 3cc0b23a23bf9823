package org.nivaran.grievance.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.json.DirectoryJson;

/** The service's own beans refuse a reference the directory does not have, at start-up. */
class ReferenceConfigurationTest {

  private static Directory sample() throws IOException {
    try (InputStream in = ReferenceConfigurationTest.class.getResourceAsStream("/nivaran/directory.json")) {
      return DirectoryJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void anOpen311JurisdictionTheDirectoryDoesNotHaveRefusesToStartNamingIt() throws IOException {
    ReferenceProperties properties = new ReferenceProperties();
    properties.getOpen311().setSource("OPEN311-RAIPUR");
    properties.getOpen311().setJurisdiction("BHILAI");
    Directory directory = sample();
    assertThatThrownBy(() -> new ReferenceConfiguration().open311Import(directory, properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("reference.open311.jurisdiction names the jurisdiction 'BHILAI', which the directory"
            + " does not have (known: [")
        .hasMessageContaining("RAIPUR");

    properties.getOpen311().setJurisdiction("RAIPUR");
    assertThat(new ReferenceConfiguration().open311Import(directory, properties)).isNotNull();
  }
}
