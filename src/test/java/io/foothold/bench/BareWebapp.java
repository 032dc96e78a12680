package io.foothold.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The startup baseline: a bare Camunda 7.24 Spring Boot webapp (the webapp starter, JDBC, H2, one trivial
 * process), written as a tiny Maven project under .bench-data/bare-webapp and built offline with Maven. The
 * built jar is cached under a name derived from the project's files, so it is rebuilt only when they change.
 */
final class BareWebapp {

  private BareWebapp() {
  }

  static Path jar(BenchSettings settings) throws IOException, InterruptedException {
    Map<String, String> files = projectFiles();
    Path project = settings.dataDir().resolve("bare-webapp");
    Path cached = project.resolve("bare-webapp-" + hash(files) + ".jar");
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = project.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
    // Offline first (everything is in ~/.m2 already); online only if an artefact is missing.
    if (maven(project, true) != 0 && maven(project, false) != 0) {
      throw new IllegalStateException("Building the bare webapp failed; see " + project.resolve("build.log"));
    }
    Files.copy(project.resolve("target/bare-webapp.jar"), cached, StandardCopyOption.REPLACE_EXISTING);
    return cached;
  }

  private static int maven(Path project, boolean offline) throws IOException, InterruptedException {
    List<String> command = offline
        ? List.of("mvn", "-o", "-q", "-B", "package")
        : List.of("mvn", "-q", "-B", "package");
    Process build = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(project.resolve("build.log").toFile()).start();
    if (!build.waitFor(10, TimeUnit.MINUTES)) {
      build.destroyForcibly();
      return -1;
    }
    return build.exitValue();
  }

  private static String hash(Map<String, String> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.forEach((name, content) -> {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(content.getBytes(StandardCharsets.UTF_8));
      });
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> projectFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pom.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>3.5.16</version>
            <relativePath/>
          </parent>
          <groupId>bench</groupId>
          <artifactId>bare-webapp</artifactId>
          <version>1</version>
          <properties>
            <java.version>17</java.version>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>org.camunda.bpm</groupId>
                <artifactId>camunda-bom</artifactId>
                <version>7.24.0</version>
                <type>pom</type>
                <scope>import</scope>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>org.camunda.bpm.springboot</groupId>
              <artifactId>camunda-bpm-spring-boot-starter-webapp</artifactId>
            </dependency>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-jdbc</artifactId>
            </dependency>
            <dependency>
              <groupId>com.h2database</groupId>
              <artifactId>h2</artifactId>
              <scope>runtime</scope>
            </dependency>
          </dependencies>
          <build>
            <finalName>bare-webapp</finalName>
            <plugins>
              <plugin>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-maven-plugin</artifactId>
              </plugin>
            </plugins>
          </build>
        </project>
        """);
    files.put("src/main/java/bench/bare/BareApplication.java", """
        package bench.bare;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class BareApplication {
          public static void main(String[] args) {
            SpringApplication.run(BareApplication.class, args);
          }
        }
        """);
    files.put("src/main/resources/application.yaml", """
        camunda:
          bpm:
            admin-user:
              id: demo
              password: demo
        """);
    files.put("src/main/resources/trivial.bpmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_Trivial" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="Trivial" name="Trivial" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="StartEvent_Started"/>
            <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Started" targetRef="Task_Do"/>
            <bpmn:userTask id="Task_Do" name="Do it" camunda:assignee="demo"/>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Do" targetRef="EndEvent_Done"/>
            <bpmn:endEvent id="EndEvent_Done"/>
          </bpmn:process>
        </bpmn:definitions>
        """);
    return files;
  }
}
