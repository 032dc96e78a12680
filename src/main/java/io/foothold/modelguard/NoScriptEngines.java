package io.foothold.modelguard;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine finds no script engine for any language, JUEL-as-script included: a script that got past
 * {@link ModelCheck} (deployed before it existed) fails instead of running.
 */
class NoScriptEngines implements ScriptEngineResolver {

  private final ScriptEngineManager empty = new ScriptEngineManager(null);

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
    // no script engine is ever added
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return empty;
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    return null;
  }
}
