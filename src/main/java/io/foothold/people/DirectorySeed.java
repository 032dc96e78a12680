package io.foothold.people;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The demo directory as written in seeds/demo/directory.yaml. */
record DirectorySeed(List<Team> teams, List<Person> people) {

  record Team(String manager, String name, List<String> reports) {
  }

  record Person(String id, String firstName, String lastName, String email, List<String> groups) {
  }

  static DirectorySeed read(InputStream yaml) throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .readValue(yaml, DirectorySeed.class);
  }
}
