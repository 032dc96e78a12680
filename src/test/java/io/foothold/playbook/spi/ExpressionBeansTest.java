package io.foothold.playbook.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.foothold.modelguard.CallableFromModels;
import io.foothold.modelguard.ModelBeans;
import io.foothold.support.FootholdSpringTest;

/**
 * The SPI's list of Foothold's expression beans is the truth: every name it publishes is callable from models, and
 * every bean of Foothold's own that models may call is published there (a playbook's own beans live in its package).
 */
@FootholdSpringTest
class ExpressionBeansTest {

  @Autowired ApplicationContext context;
  @Autowired ModelBeans modelBeans;

  @Test
  void everyPublishedNameIsCallableFromModels() {
    assertThat(ExpressionBeans.all()).allSatisfy(name -> assertThat(modelBeans.offers(name)).as(name).isTrue());
  }

  @Test
  void everyBeanOfFootholdsOwnThatModelsMayCallIsPublished() {
    Set<String> foothold = Arrays.stream(context.getBeanNamesForAnnotation(CallableFromModels.class))
        .filter(name -> context.findAnnotationOnBean(name, PlaybookBean.class) == null)
        .collect(Collectors.toSet());

    assertThat(foothold).containsExactlyInAnyOrderElementsOf(ExpressionBeans.all());
  }

  @Test
  void aPlaybooksOwnBeansLiveInItsPackage() {
    assertThat(context.getBeanNamesForAnnotation(PlaybookBean.class)).isNotEmpty().allSatisfy(name ->
        assertThat(context.getType(name).getPackageName()).as(name).startsWith("io.foothold.playbooks."));
  }
}
