package org.nivaran.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM ({@code grievance-bom/pom.xml}) lists exactly Nivaran's published modules at the
 * project's version, and inherits nothing that would pin a host's third-party versions.
 */
class BomTest {

  @Test
  void the_bom_has_no_parent_the_projects_version_and_only_nivarans_published_modules() throws Exception {
    Path root = Files.exists(Path.of("../grievance-bom/pom.xml")) ? Path.of("..") : Path.of(".");
    Document bom = parse(root.resolve("grievance-bom/pom.xml"));
    Document parent = parse(root.resolve("pom.xml"));

    assertThat(bom.getElementsByTagName("parent").getLength()).as("a BOM with a parent imports its dependencyManagement").isZero();
    assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
    assertThat(child(parent.getDocumentElement(), "modules")).contains("grievance-bom");

    NodeList deps = bom.getElementsByTagName("dependency");
    List<String> artifacts = new ArrayList<>();
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      assertThat(child(d, "groupId")).isEqualTo("org.nivaran");
      assertThat(child(d, "version")).isEqualTo("${project.version}");
      artifacts.add(child(d, "artifactId"));
    }
    assertThat(artifacts).containsExactlyInAnyOrder(
        "grievance-core", "grievance-jdbc-store", "grievance-tck", "grievance-spring-boot-starter");
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static String child(Element e, String name) {
    NodeList children = e.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element c && c.getTagName().equals(name)) {
        return c.getTextContent().trim();
      }
    }
    throw new AssertionError(e.getTagName() + " has no " + name);
  }
}
