package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The page an app's index request renders always carries the nonce of its own Content-Security-Policy. */
class WebappNonceTest {

  @Test
  void aPageRenderedWithAnotherRequestsNonceGetsItsOwn() throws Exception {
    MockHttpServletResponse response = render("/camunda/app/tasklist/default/", "text/html;charset=UTF-8");

    assertThat(response.getContentAsString())
        .contains("<script defer src=\"a.js\" nonce=\"ownNonce\"></script>", "<script nonce=\"ownNonce\">conf()</script>")
        .doesNotContain("otherRequestsNonce");
    assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
  }

  @Test
  void scriptsAndStylesPassUntouched() throws Exception {
    assertThat(render("/camunda/app/tasklist/scripts/config.js", "text/javascript").getContentAsString()).contains("otherRequestsNonce");
  }

  private static MockHttpServletResponse render(String path, String contentType) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    HttpServlet camunda = new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Content-Security-Policy", "base-uri 'self'; script-src 'nonce-ownNonce' 'strict-dynamic' 'self'");
        res.setContentType(contentType);
        res.getWriter().write("<script defer src=\"a.js\" nonce=\"otherRequestsNonce\"></script>"
            + "<script nonce=\"otherRequestsNonce\">conf()</script>");
      }
    };
    new WebappNonce.NonceFilter().doFilter(request, response, new MockFilterChain(camunda));
    return response;
  }
}
