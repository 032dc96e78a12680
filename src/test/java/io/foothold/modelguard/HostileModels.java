package io.foothold.modelguard;

import java.nio.charset.StandardCharsets;

/**
 * Models an attacker with deployment rights would write: each turns deploying into running code. Every
 * deployment path must refuse all of them. Each is a complete executable process with diagram-free XML.
 */
public final class HostileModels {

  /** The membership the first model tries to create: dana would be an administrator. */
  public static final String PROMOTION = "${execution.processEngineServices.identityService.createMembership('dana','camunda-admin')}";

  /** Process key, offending element, model text. */
  public record Hostile(String name, String processKey, String elementId, String xml) {
    public byte[] bytes() {
      return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private HostileModels() {
  }

  public static Hostile[] all() {
    return new Hostile[] {
        serviceTask("engine services through execution", PROMOTION),
        serviceTask("engine services through a getter", "${execution.getProcessEngineServices().getIdentityService().createMembership('dana','camunda-admin')}"),
        serviceTask("the engine through execution", "${execution.processEngine.identityService}"),
        serviceTask("the identity service bean", "${identityService.createMembership('dana','camunda-admin')}"),
        serviceTask("the data source bean", "${dataSource.connection}"),
        serviceTask("the engine configuration bean", "${processEngineConfiguration.identityService}"),
        serviceTask("reflection", "${execution.getVariable('x').getClass().forName('java.lang.Runtime')}"),
        serviceTask("a member named at run time", "${execution[memberName]}"),
        process("a script task", "Task_Script",
            "<scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><script>java.lang.Runtime.getRuntime()</script></scriptTask>"),
        process("a script listener", "Task_Listened",
            "<task id=\"Task_Listened\"><extensionElements><camunda:executionListener event=\"start\">"
                + "<camunda:script scriptFormat=\"groovy\">execution.processEngineServices</camunda:script>"
                + "</camunda:executionListener></extensionElements></task>"),
        process("an inline script in an input mapping", "Task_Mapped",
            "<task id=\"Task_Mapped\"><extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
                + "<camunda:script scriptFormat=\"juel\">${execution.processEngineServices}</camunda:script>"
                + "</camunda:inputParameter></camunda:inputOutput></extensionElements></task>"),
        process("a Java class", "Task_Class",
            "<serviceTask id=\"Task_Class\" camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior\"/>"),
    };
  }

  static Hostile serviceTask(String name, String expression) {
    return process(name, "Task_Call", "<serviceTask id=\"Task_Call\" camunda:expression=\"" + expression + "\"/>");
  }

  static Hostile process(String name, String elementId, String element) {
    String key = "Hostile" + Math.abs(name.hashCode());
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="http://foothold.io/test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="Start"/>
            <sequenceFlow id="Flow_In" sourceRef="Start" targetRef="%s"/>
            %s
            <sequenceFlow id="Flow_Out" sourceRef="%s" targetRef="End"/>
            <endEvent id="End"/>
          </process>
        </definitions>
        """.formatted(key, elementId, element, elementId);
    return new Hostile(name, key, elementId, xml);
  }
}
