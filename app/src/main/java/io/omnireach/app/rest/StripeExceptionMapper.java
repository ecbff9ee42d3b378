package io.omnireach.app.rest;

import io.omnireach.billing.stripe.StripeGateway.StripeCallException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** Stripe did not do what was asked: 502 with Stripe's reason (never the API key). */
@Provider
public class StripeExceptionMapper implements ExceptionMapper<StripeCallException> {

  private static final Logger LOG = Logger.getLogger(StripeExceptionMapper.class.getName());

  @Override
  public Response toResponse(StripeCallException e) {
    LOG.warning(e.getMessage());
    return Problem.of(Response.Status.BAD_GATEWAY, e.getMessage(), null).toResponse();
  }
}
