package io.foothold.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * No request body larger than {@code foothold.web.max-request-body} (default 2 MB) reaches the APIs: the REST
 * layers read a whole body into memory (JSON into objects, Bytes variables and attachments into arrays, often
 * more than once), so three 14 MB values in one start request filled the heap. A body that announces a larger
 * Content-Length is refused with 413 before a byte of it is read; a body of unknown length (chunked) is read up to
 * the limit and refused as soon as it passes it. The largest legitimate body, a deployment of a playbook's
 * models, is well under 1 MB.
 */
@Configuration
class RequestBodyLimit {

  static final String PROPERTY = "foothold.web.max-request-body";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int SWALLOWED = 64 * 1024 * 1024;

  @Bean
  FilterRegistrationBean<Filter> requestBodyLimitFilter(@Value("${" + PROPERTY + ":2MB}") DataSize limit,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new Filter(limit.toBytes()));
    registration.setName("foothold-request-body-limit");
    String webapp = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
    registration.addUrlPatterns("/engine-rest/*", webapp + "/api/*", "/api/*", "/api");
    // Right after the security headers, before sign-in and before anything reads the body.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /**
   * A client that asks "Expect: 100-continue" hears the 413 before it sends the body (Tomcat answers 100 only once
   * the application reads); any other client's unread body is read and dropped by Tomcat after the 413, up to
   * {@link #SWALLOWED} (its default, 2 MB, would cut the connection before the client reads the answer).
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> refuseBeforeTheBodyIsSent() {
    return factory -> factory.addConnectorCustomizers(connector -> {
      connector.setProperty("continueResponseTiming", "onRead");
      if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
        http.setMaxSwallowSize(SWALLOWED);
      }
    });
  }

  static class Filter extends OncePerRequestFilter {

    private final long limit;

    Filter(long limit) {
      this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      long announced = request.getContentLengthLong();
      if (announced > limit) {
        refuse(request, response, announced + " bytes");
        return;
      }
      if (announced >= 0 || !hasBody(request)) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = readAtMost(request.getInputStream(), limit + 1);
      if (body.length > limit) {
        refuse(request, response, "more than " + limit + " bytes");
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
      return request.getHeader("Transfer-Encoding") != null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String size) throws IOException {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(JSON.writeValueAsString(Map.of("type", "PayloadTooLarge", "message", "The request body has "
          + size + "; at most " + limit + " bytes are accepted (" + PROPERTY + "). Send values and files within their own"
          + " limits: text up to 4000 characters, files up to 256 KB.")));
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while (out.size() < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - out.size()))) != -1) {
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }

  /** A request whose chunked body has been read (it was within the limit) and is served again from memory. */
  static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
