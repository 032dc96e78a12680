package io.foothold.support;

import java.util.Optional;

import org.camunda.bpm.engine.test.mock.Mocks;

import io.foothold.modelguard.ModelBeans;

/**
 * The beans models may call in engine-only process tests: whatever the test registered with
 * {@code Mocks.register(name, bean)}, standing in for the beans playbooks contribute in the application.
 */
public class MockModelBeans implements ModelBeans {

  @Override
  public Optional<Object> find(String name) {
    return Optional.ofNullable(Mocks.get(name));
  }
}
