package io.foothold.cluster;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.boot.web.servlet.server.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Browser sessions (Tasklist, Cockpit, the HR pages) kept in PostgreSQL instead of one node's memory, so a
 * load balancer may send a user's next request to any node, and a node that dies takes nobody's sign-in
 * with it. On only when {@code foothold.cluster.shared-sessions} is true (the prod profile); the embedded
 * default keeps Tomcat's in-memory sessions. Spring Boot's own session auto-configuration is excluded in
 * application.yaml so this switch is the only one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "foothold.cluster.shared-sessions", havingValue = "true")
@EnableJdbcHttpSession
class SharedSessions {

  /** Spring Session's tables; the script fails harmlessly once they exist (every node runs it at start-up). */
  @Bean
  DataSourceScriptDatabaseInitializer sharedSessionTables(DataSource dataSource) {
    DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
    settings.setSchemaLocations(List.of("classpath:org/springframework/session/jdbc/schema-postgresql.sql"));
    settings.setMode(DatabaseInitializationMode.ALWAYS);
    settings.setContinueOnError(true);
    return new DataSourceScriptDatabaseInitializer(dataSource, settings);
  }

  /**
   * The same cookie the webapps know (JSESSIONID) with the flags configured for Tomcat's own session cookie
   * (server.servlet.session.cookie.*), so hardening applies whichever session store is on.
   */
  @Bean
  CookieSerializer sessionCookie(ServerProperties server) {
    Session.Cookie configured = server.getServlet().getSession().getCookie();
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    cookie.setCookieName(configured.getName() != null ? configured.getName() : "JSESSIONID");
    cookie.setCookiePath("/");
    cookie.setUseHttpOnlyCookie(configured.getHttpOnly() == null || configured.getHttpOnly());
    if (configured.getSecure() != null) {
      cookie.setUseSecureCookie(configured.getSecure());
    }
    cookie.setSameSite(configured.getSameSite() != null ? configured.getSameSite().attributeValue() : "Lax");
    // Tomcat's session ids are not Base64; keep the cookie value readable the same way.
    cookie.setUseBase64Encoding(false);
    return cookie;
  }
}
