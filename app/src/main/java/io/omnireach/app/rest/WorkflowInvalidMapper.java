package io.omnireach.app.rest;

import io.omnireach.app.rest.WorkflowDtos.ErrorDto;
import io.omnireach.app.rest.WorkflowDtos.InvalidProblem;
import io.omnireach.workflow.WorkflowInvalidException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 problem+json naming every offending node ({@code errors}), not only the first. */
@Provider
public class WorkflowInvalidMapper implements ExceptionMapper<WorkflowInvalidException> {

  @Override
  public Response toResponse(WorkflowInvalidException e) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.valueOf(Problem.MEDIA_TYPE))
        .entity(
            new InvalidProblem(
                "about:blank",
                "Bad Request",
                400,
                e.getMessage(),
                e.field(),
                e.errors().stream().map(ErrorDto::of).toList()))
        .build();
  }
}
