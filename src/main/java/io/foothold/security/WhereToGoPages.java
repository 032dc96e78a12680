package io.foothold.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

import io.foothold.engine.SystemAccess;

/**
 * Every error a browser sees as a page — a wrong-role 403 from the Camunda webapps (e.g. a manager following
 * Tasklist's link into Cockpit), /hr, /api, a 404 or a 500 — is a calm page in the HR pages' style that says
 * where this person's work is, instead of Spring's Whitelabel page. API clients that ask for JSON keep JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WhereToGoPages implements ErrorViewResolver {

  /** Request attribute: the user Foothold's API filter signed in (Basic or session), for errors raised after it. */
  static final String SIGNED_IN_USER = "io.foothold.security.signedInUser";

  private final IdentityService identity;
  private final SystemAccess system;
  private final String webapps;

  WhereToGoPages(IdentityService identity, SystemAccess system,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.identity = identity;
    this.system = system;
    this.webapps = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    String user = WebappSession.signedInUser(request, identity);
    if (user == null && request.getAttribute(SIGNED_IN_USER) instanceof String apiUser) {
      user = apiUser;
    }
    String signedIn = user;
    List<String> groups = signedIn == null ? List.of()
        : system.call(() -> identity.createGroupQuery().groupMember(signedIn).list().stream().map(Group::getId).toList());
    ModelAndView page = new ModelAndView(new Page(status, signedIn, places(groups)));
    page.setStatus(status);
    return page;
  }

  /** A link and why this person would go there. */
  record Place(String href, String text, String why) {
  }

  List<Place> places(List<String> groups) {
    String tasklist = webapps + "/app/tasklist/";
    List<Place> places = new ArrayList<>();
    if (groups.contains(Roles.MANAGERS)) {
      places.add(new Place(tasklist, "Tasklist", "your cases and their next steps (filters \"My cases\" and \"Due this week\")"));
    }
    if (groups.contains(Roles.EMPLOYEES) && !groups.contains(Roles.MANAGERS)) {
      places.add(new Place(tasklist, "Tasklist", "your daily steps"));
    }
    if (groups.contains(Roles.HR)) {
      places.add(new Place("/hr/", "HR pages", "every case, its timeline and the analytics"));
      places.add(new Place(tasklist, "Tasklist", "escalations and referral tasks"));
    }
    if (groups.contains(Roles.DESIGNERS)) {
      places.add(new Place(webapps + "/app/cockpit/", "Cockpit", "the deployed playbook models"));
      places.add(new Place("/designers/", "Playbook console", "which playbooks are live, their checks, and why one is not"));
    }
    if (groups.contains(Roles.ADMINS)) {
      places.add(new Place(webapps + "/app/admin/", "Admin", "people, groups and teams"));
    }
    if (places.isEmpty()) {
      places.add(new Place(tasklist, "Tasklist", groups.isEmpty() ? "sign in with your Foothold account" : "your steps, if you have any"));
    }
    return places;
  }

  /** The page itself: fixed wording, the user id escaped, styles from the HR pages' file (no inline script or style). */
  static final class Page implements View {

    private final HttpStatus status;
    private final String user;
    private final List<Place> places;

    Page(HttpStatus status, String user, List<Place> places) {
      this.status = status;
      this.user = user;
      this.places = places;
    }

    @Override
    public String getContentType() {
      return "text/html;charset=UTF-8";
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
      response.setStatus(status.value());
      response.setContentType(getContentType());
      // this response is a page wherever it was asked for (an API path would otherwise forbid its style sheet)
      response.setHeader("Content-Security-Policy", SecurityHeaders.PAGE_POLICY);
      response.getOutputStream().write(html().getBytes(StandardCharsets.UTF_8));
    }

    String html() {
      StringBuilder links = new StringBuilder();
      for (Place place : places) {
        links.append("    <li><a href=\"").append(HtmlUtils.htmlEscape(place.href())).append("\">")
            .append(HtmlUtils.htmlEscape(place.text())).append("</a> — ").append(HtmlUtils.htmlEscape(place.why()))
            .append("</li>\n");
      }
      String who = user == null ? "You are not signed in."
          : "You are signed in as <strong>" + HtmlUtils.htmlEscape(user) + "</strong>.";
      return """
          <!doctype html>
          <html lang="en">
          <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Foothold — %s</title>
            <link rel="stylesheet" href="/hr/hr.css">
          </head>
          <body>
          <header class="top"><strong>Foothold</strong></header>
          <main class="where-to-go">
            <h1>%s</h1>
            <p>%s</p>
            <p>%s Where your work is:</p>
            <ul>
          %s  </ul>
          </main>
          </body>
          </html>
          """.formatted(title(), title(), explanation(), who, links);
    }

    private String title() {
      return switch (status) {
        case FORBIDDEN -> "This page is not part of your work";
        case UNAUTHORIZED -> "Please sign in";
        case NOT_FOUND -> "Nothing here";
        default -> status.is5xxServerError() ? "Something went wrong on our side" : "This request did not work";
      };
    }

    private String explanation() {
      return switch (status) {
        case FORBIDDEN -> "Your account does not open this page. Nothing is wrong with your account: each role works in its own place.";
        case UNAUTHORIZED -> "This page needs your Foothold account.";
        case NOT_FOUND -> "The address may be old or mistyped.";
        default -> status.is5xxServerError()
            ? "Try again in a moment. If it keeps happening, tell your administrator what you were doing."
            : "Go back and try again, or start from one of the places below.";
      };
    }
  }
}
