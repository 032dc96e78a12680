package io.foothold.nudges;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Demo profile without {@code spring.mail.host}: the in-process mail catcher and a mail sender pointed at it, and the
 * page /demo-mail/ where each demo user reads the mails sent to them.
 */
@Configuration
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DemoMail implements WebMvcConfigurer {

  @Bean(destroyMethod = "close")
  DemoMailCatcher demoMailCatcher(@Value("${foothold.demo.smtp-port:0}") int port) {
    return new DemoMailCatcher(port);
  }

  @Bean
  JavaMailSender demoMailSender(DemoMailCatcher catcher) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(catcher.port());
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
    return sender;
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/demo-mail", "/demo-mail/index.html");
    registry.addRedirectViewController("/demo-mail/", "/demo-mail/index.html");
  }
}
