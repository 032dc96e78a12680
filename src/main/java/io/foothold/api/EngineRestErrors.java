package io.foothold.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /engine-rest answers an id that names nothing with 404 (Camunda says 400 or 500, depending on the endpoint; see
 * {@link CallerMistakeTranslator}); everything else the engine throws keeps Camunda's own mapping.
 */
@Configuration
class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer notFoundMapping() {
    return config -> config.register(NotFoundMapper.class);
  }

  @Priority(Priorities.USER - 100)
  public static class NotFoundMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      if (!(exception instanceof NotFoundException)) {
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(exception);
      return Response.status(Response.Status.NOT_FOUND).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
