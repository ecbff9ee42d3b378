package io.omnireach.app.rest;

import io.omnireach.app.rest.DealDtos.ProductDto;
import io.omnireach.app.rest.DealDtos.ProductList;
import io.omnireach.deal.ProductDraft;
import io.omnireach.deal.Products;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The price book: everyone in the workspace reads it, admins write it. */
@Path("/products")
@Tag(
    name = "Deals",
    description =
        "Price book, deals and the rule-bounded negotiation engine (the LLM never decides)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class ProductResource {

  static final String PRODUCT_EXAMPLE =
      "{\"id\":3,\"name\":\"Growth plan (seat)\",\"currency\":\"USD\",\"listPrice\":100.00,"
          + "\"floorPrice\":80.00,\"maxDiscountPercent\":15.00,\"paymentTerms\":[\"net30\","
          + "\"annual\"],\"contractMonths\":[12,24,36],\"volumeTiers\":[{\"minQuantity\":50,"
          + "\"unitPrice\":90.00}],\"updatedAt\":\"2026-12-06T10:00:00Z\"}";
  private static final String WRITE_EXAMPLE =
      "{\"name\":\"Growth plan (seat)\",\"currency\":\"USD\",\"listPrice\":\"100.00\","
          + "\"floorPrice\":\"80.00\",\"maxDiscountPercent\":15,\"paymentTerms\":[\"net30\","
          + "\"annual\"],\"contractMonths\":[12,24,36],\"volumeTiers\":[{\"minQuantity\":50,"
          + "\"unitPrice\":\"90.00\"}]}";
  private static final String INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"floorPrice must not be above listPrice (100.00).\","
          + "\"field\":\"floorPrice\"}";

  @Inject Products products;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "List the price book", description = "By name.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProductList.class),
              examples =
                  @ExampleObject(
                      name = "products",
                      value = "{\"items\":[" + PRODUCT_EXAMPLE + "]}")))
  public ProductList list() {
    return new ProductList(products.list(current.tenant()).stream().map(ProductDto::of).toList());
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "Read a product")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProductDto.class),
              examples = @ExampleObject(name = "product", value = PRODUCT_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ProductDto get(@Parameter(description = "Product id") @PathParam("id") long id) {
    return ProductDto.of(products.get(current.tenant(), id));
  }

  @POST
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a product",
      description =
          "name; currency (ISO-4217); listPrice ≥ floorPrice ≥ 0 (at most 2 decimals, numbers or"
              + " numeric strings); maxDiscountPercent 0–100; paymentTerms (netN, monthly,"
              + " quarterly, annual); contractMonths (1–120); volumeTiers {minQuantity,"
              + " unitPrice ≥ floorPrice}: the unit price from that quantity on.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Object.class),
              examples = @ExampleObject(name = "seat", value = WRITE_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProductDto.class),
              examples = @ExampleObject(name = "created", value = PRODUCT_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid product (the field at fault is named)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "floor above list", value = INVALID_EXAMPLE)))
  public Response create(Map<String, Object> body) {
    ProductDto created =
        ProductDto.of(products.create(current.tenant(), ProductDraft.read(body), current.email()));
    return Response.created(URI.create("products/" + created.id())).entity(created).build();
  }

  @PUT
  @Path("/{id}")
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a product", description = "The whole product as in POST.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Object.class),
              examples = @ExampleObject(name = "seat", value = WRITE_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProductDto.class),
              examples = @ExampleObject(name = "updated", value = PRODUCT_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid product",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "floor above list", value = INVALID_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ProductDto update(
      @Parameter(description = "Product id") @PathParam("id") long id, Map<String, Object> body) {
    return ProductDto.of(
        products.update(current.tenant(), id, ProductDraft.read(body), current.email()));
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.DEALS_CONFIGURE)
  @Operation(summary = "Delete a product", description = "409 while a deal has it on a line.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "On a deal's line")
  public Response delete(@Parameter(description = "Product id") @PathParam("id") long id) {
    products.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }
}
