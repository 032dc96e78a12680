package io.foothold.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Web wiring of the forms feature: option filling on form downloads and 400s for rejected submissions. */
@Configuration
class FormsWebConfiguration {

  @Bean
  FilterRegistrationBean<FormOptionsWebFilter> formOptionsWebFilter(FormOptionsEnricher enricher, IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new FormOptionsWebFilter(enricher, identity));
    registration.setName("foothold-form-options");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // After the REST authentication filter, so the signed-in user is known.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer formRejectionMapping() {
    return config -> config.register(FormRejectionMapper.class);
  }

  /**
   * Camunda's REST layer answers 400 for a rejected form on submit-form and complete, but 500 on
   * /process-definition/.../start. A form rule violation is the caller's mistake wherever it happens.
   */
  @Priority(Priorities.USER - 100)
  public static class FormRejectionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      if (exception.getCause() instanceof FormFieldValidationException rejected) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(FormFieldValidationException.class.getSimpleName());
        dto.setMessage(rejected.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }
}
