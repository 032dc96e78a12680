package io.foothold.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.foothold.support.FootholdSpringTest;

/**
 * Camunda's starter can create a "show all tasks" filter (camunda.bpm.filter.create); with it a new account would
 * list every task its authorizations allow at a glance. Foothold never creates one: only its own filters exist.
 */
@FootholdSpringTest
class NoShowAllTasksFilterTest {

  @Autowired FilterService filters;
  @Autowired Environment environment;

  @Test
  void noFilterShowsAllTasks() throws Exception {
    List<Filter> all = filters.createFilterQuery().list();

    assertThat(all).extracting(Filter::getName)
        .contains(TasklistFilters.MY_CASES, TasklistFilters.DUE_THIS_WEEK, TasklistFilters.ESCALATIONS)
        .noneMatch(name -> name.toLowerCase().contains("all tasks"));
    for (Filter filter : all) {
      JsonNode criteria = new ObjectMapper().readTree(((FilterEntity) filter).getQueryInternal());
      var restrictions = new ArrayList<String>();
      criteria.fieldNames().forEachRemaining(restrictions::add);
      restrictions.removeIf(name -> name.equals("orderingProperties") || name.equals("sorting"));
      assertThat(restrictions).as("the query of filter '%s' restricts the tasks it shows", filter.getName()).isNotEmpty();
    }
  }

  @Test
  void noConfigurationAsksCamundaForOne() throws Exception {
    assertThat(environment.getProperty("camunda.bpm.filter.create")).isNull();
    Resource[] configurations = new PathMatchingResourcePatternResolver().getResources("classpath*:application*.y*ml");
    assertThat(configurations).isNotEmpty();
    for (Resource configuration : configurations) {
      String text;
      try (InputStream in = configuration.getInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(text).as("%s", configuration).doesNotContain("filter.create");
      for (JsonNode document : new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()) {
        assertThat(document.at("/camunda/bpm/filter").isMissingNode()).as("camunda.bpm.filter in %s", configuration).isTrue();
      }
    }
  }
}
