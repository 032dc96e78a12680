package io.foothold.modelguard;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import io.foothold.modelguard.ModelProblem.Rule;

/**
 * Reads a model as it is about to be deployed and lists what it may not do: scripts (script tasks, inline or
 * resource scripts in listeners, mappings and conditions, DMN in any language but FEEL), Java classes named in
 * the model, CMMN, and expressions that name a bean no playbook contributes or reach past variables and simple
 * facts about the step ({@link ModelReach}). The engine's deployer, the playbook checks and the linter all use
 * this one check. A file that does not parse is left to the engine's parser, which reports it.
 */
public final class ModelCheck {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Set<String> NOT_MODEL_CONTENT = Set.of("documentation", "text", "BPMNDiagram");
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
  private static final Set<String> SCRIPT_ATTRIBUTES = Set.of("resource", "scriptFormat");

  /** The lint rules and the engine's deployer check the same bytes: parse them once. */
  private static final ParsedDocuments DOCUMENTS = new ParsedDocuments(64, ModelCheck::parse);

  private ModelCheck() {
  }

  /** True for the resources this check reads (by the suffixes the engine's deployers use). */
  public static boolean reads(String resourceName) {
    return isBpmn(resourceName) || isDmn(resourceName) || isCmmn(resourceName);
  }

  /** Everything the resource may not do; empty when it may be deployed. */
  public static List<ModelProblem> check(String resourceName, byte[] bytes, ModelBeans beans) {
    List<ModelProblem> problems = new ArrayList<>();
    if (isCmmn(resourceName)) {
      problems.add(new ModelProblem(resourceName, null, Rule.NO_SCRIPTS,
          "CMMN case models are not deployed: they can carry scripts and Java classes; model the playbook in BPMN"));
      return problems;
    }
    if (!isBpmn(resourceName) && !isDmn(resourceName)) {
      return problems;
    }
    Document document = DOCUMENTS.document(bytes);
    if (document == null) {
      return problems;
    }
    Checker checker = new Checker(resourceName, beans, problems);
    // A DOM read fills caches inside its nodes: one reader at a time per (shared) document.
    synchronized (document) {
      if (isBpmn(resourceName)) {
        checker.bpmn(document.getDocumentElement());
      } else {
        checker.dmn(document.getDocumentElement());
      }
    }
    return problems;
  }

  /** The problems of one JUEL expression text (with its ${…} or #{…}), as found in a BPMN attribute or element. */
  public static List<String> checkExpression(String text, ModelBeans beans) {
    List<ModelProblem> problems = new ArrayList<>();
    new Checker("", beans, problems).expression(text, null);
    return problems.stream().map(ModelProblem::message).toList();
  }

  private static final class Checker {
    private final String file;
    private final ModelBeans beans;
    private final List<ModelProblem> problems;

    Checker(String file, ModelBeans beans, List<ModelProblem> problems) {
      this.file = file;
      this.beans = beans;
      this.problems = problems;
    }

    void bpmn(Element element) {
      String name = element.getLocalName();
      if (NOT_MODEL_CONTENT.contains(name)) {
        return;
      }
      boolean bpmnElement = BPMN.equals(element.getNamespaceURI());
      if (bpmnElement && name.equals("scriptTask")) {
        refuse(element, Rule.NO_SCRIPTS, "script tasks do not run in Foothold; use a service task calling a delegate the playbook contributes");
      } else if (!bpmnElement && name.equals("script")) {
        refuse(element, Rule.NO_SCRIPTS, "inline scripts do not run in Foothold; use an expression or a delegate the playbook contributes");
      } else if (bpmnElement && element.hasAttribute("language")) {
        refuse(element, Rule.NO_SCRIPTS, "a condition in a script language (" + element.getAttribute("language")
            + ") does not run in Foothold; write it as ${…}");
      } else if (!bpmnElement && name.equals("connector")) {
        refuse(element, Rule.NO_SCRIPTS, "connectors are not available in Foothold; call a delegate the playbook contributes");
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        boolean extension = attribute.getNamespaceURI() != null && !BPMN.equals(attribute.getNamespaceURI())
            && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI());
        if (extension && CLASS_ATTRIBUTES.contains(attributeName)) {
          refuse(element, Rule.CONTRIBUTED_BEANS_ONLY, "models may not name Java classes (" + attributeName + "=\"" + attribute.getValue()
              + "\"); call a delegate the playbook contributes, e.g. camunda:delegateExpression=\"${myDelegate}\"");
        } else if (extension && SCRIPT_ATTRIBUTES.contains(attributeName) && !name.equals("script") && !name.equals("scriptTask")) {
          refuse(element, Rule.NO_SCRIPTS, "scripts do not run in Foothold (" + attributeName + "=\"" + attribute.getValue() + "\")");
        } else {
          expression(attribute.getValue(), element);
        }
      }
      for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          bpmn(childElement);
        } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
          expression(child.getNodeValue(), element);
        }
      }
    }

    void dmn(Element element) {
      if (element.hasAttribute("expressionLanguage") && !isFeel(element.getAttribute("expressionLanguage"))) {
        refuse(element, Rule.NO_SCRIPTS, "decisions are written in FEEL; expressionLanguage=\"" + element.getAttribute("expressionLanguage")
            + "\" is not accepted");
      }
      NodeList children = element.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if (children.item(i) instanceof Element child) {
          dmn(child);
        }
      }
    }

    void expression(String text, Element where) {
      if (text == null || (!text.contains("${") && !text.contains("#{"))) {
        return;
      }
      Node root;
      try {
        root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
      } catch (TreeBuilderException e) {
        refuse(where, Rule.CONTRIBUTED_BEANS_ONLY, "expression " + text.trim() + " does not parse: " + e.getMessage());
        return;
      }
      walk(root, text.trim(), where);
    }

    private void walk(Node node, String text, Element where) {
      if (node instanceof AstIdentifier identifier) {
        String name = identifier.getName();
        if (beans.isReserved(name) && !beans.offers(name)) {
          refuse(where, Rule.CONTRIBUTED_BEANS_ONLY, text + " calls '" + name
              + "', which no playbook contributes (it names a bean or service of the application): models reach their"
              + " variables and the delegates playbooks declare, nothing else; a variable needs another name");
        }
      } else if (node instanceof AstFunction function && !ModelReach.FUNCTIONS.contains(function.getName())) {
        refuse(where, Rule.CONTRIBUTED_BEANS_ONLY, text + " calls the function '" + function.getName() + "', which does not exist here");
      } else if (node instanceof AstMethod && node.getChild(0) instanceof AstProperty property) {
        member(property, true, node.getChild(1).getCardinality(), text, where);
        walk(property.getChild(0), text, where);
        if (property instanceof AstBracket) {
          walk(property.getChild(1), text, where);
        }
        walk(node.getChild(1), text, where);
        return;
      } else if (node instanceof AstProperty property) {
        member(property, false, 0, text, where);
      }
      for (int i = 0; i < node.getCardinality(); i++) {
        walk(node.getChild(i), text, where);
      }
    }

    private void member(AstProperty property, boolean methodCall, int arguments, String text, Element where) {
      Node prefix = property.getChild(0);
      boolean onEngineObject = prefix instanceof AstIdentifier id && ModelReach.ENGINE_OBJECTS.contains(id.getName());
      String member = memberName(property);
      if (member == null) {
        if (onEngineObject) {
          refuse(where, Rule.CONTRIBUTED_BEANS_ONLY, text + " names a member of '" + ((AstIdentifier) prefix).getName()
              + "' only when it runs; name it in the model so it can be checked");
        }
        return;
      }
      ModelReach.refusalInText(member, onEngineObject, methodCall, arguments)
          .ifPresent(reason -> refuse(where, Rule.CONTRIBUTED_BEANS_ONLY, text + ": " + reason));
    }

    private void refuse(Element where, Rule rule, String message) {
      problems.add(new ModelProblem(file, idOf(where), rule, message));
    }
  }

  /** The member a property node names, or null when only the running expression knows it ({@code a[b]}). */
  private static String memberName(AstProperty property) {
    if (property instanceof AstDot dot) {
      String printed = dot.toString(); // ". name"
      return printed.startsWith(".") ? printed.substring(1).trim() : printed.trim();
    }
    if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
      Object value = literal.eval(null, null);
      return value == null ? null : value.toString();
    }
    return null;
  }

  private static String idOf(Element element) {
    for (Element e = element; e != null; e = e.getParentNode() instanceof Element parent ? parent : null) {
      if (e.hasAttribute("id")) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  private static boolean isFeel(String language) {
    String l = language.trim().toLowerCase(Locale.ROOT);
    return l.equals("feel") || l.endsWith("/feel") || l.endsWith("/feel/");
  }

  private static boolean isBpmn(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  private static boolean isDmn(String name) {
    return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
  }

  private static boolean isCmmn(String name) {
    return name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml");
  }

  /** How many models this check has really parsed (not found parsed by content), for tests. */
  static long parses() {
    return DOCUMENTS.parses();
  }

  private static Document parse(byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      return null; // the engine's own parser reports what is wrong with the file
    }
  }
}
