package io.omnireach.ui.brand;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandField;
import io.omnireach.brand.BrandImages;
import io.omnireach.common.DomainException;
import io.omnireach.ui.shell.Branding;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The fields of one brand layer beside a live preview. Fields outside {@code editable} show the
 * inherited value, read-only. Images are stored as soon as they are uploaded (through {@code
 * uploader}); text and colours are collected by {@link #changes()} for the caller to save.
 */
public class BrandForm extends Div {

  private final Brand inherited;
  private final Set<BrandField> editable;
  private final BiFunction<BrandField, byte[], Brand> uploader;
  private final Consumer<String> onError;
  private final Map<BrandField, String> own = new EnumMap<>(BrandField.class);
  private final TextField productName = new TextField("Product name");
  private final ColourField primary;
  private final ColourField accent;
  private final EmailField supportEmail = new EmailField("Support email");
  private final TextField supportUrl = new TextField("Support URL");
  private final Map<BrandField, Image> images = new EnumMap<>(BrandField.class);
  private final BrandPreview preview = new BrandPreview();

  /**
   * @param own the layer being edited (null fields inherit)
   * @param inherited what shows where {@code own} sets nothing (resolved, no nulls but optional
   *     fields)
   * @param uploader stores an image for a field and returns the layer after it
   */
  public BrandForm(
      Brand own,
      Brand inherited,
      Set<BrandField> editable,
      BiFunction<BrandField, byte[], Brand> uploader,
      Consumer<String> onError) {
    this.inherited = inherited;
    this.editable = editable;
    this.uploader = uploader;
    this.onError = onError;
    own.toMap().forEach((f, v) -> this.own.put(f, v));
    addClassName("omni-brand-form");
    primary = new ColourField("Primary colour", value(BrandField.PRIMARY_COLOR));
    accent = new ColourField("Accent colour", value(BrandField.ACCENT_COLOR));
    configureText(productName, BrandField.PRODUCT_NAME, "brand-product-name");
    configureText(supportEmail, BrandField.SUPPORT_EMAIL, "brand-support-email");
    configureText(supportUrl, BrandField.SUPPORT_URL, "brand-support-url");
    supportUrl.setPlaceholder("https://help.example.com");
    primary.addValueChangeListener(e -> refreshPreview());
    accent.addValueChangeListener(e -> refreshPreview());
    primary.setReadOnly(!editable.contains(BrandField.PRIMARY_COLOR));
    accent.setReadOnly(!editable.contains(BrandField.ACCENT_COLOR));

    Div identity =
        section(
            "Identity",
            productName,
            imageField(
                BrandField.LOGO,
                "Logo",
                "PNG, JPEG, WebP or SVG, up to 512 KB; square works best."),
            imageField(BrandField.FAVICON, "Favicon", "ICO, PNG or SVG, up to 128 KB."));
    Div colours = section("Colours", primary, accent);
    Div support = section("Support", supportEmail, supportUrl);
    Div fields = new Div(identity, colours, support);
    fields.addClassName("omni-brand-fields");
    Div previewBox = new Div(new H4("Live preview"), preview);
    previewBox.addClassName("omni-brand-preview-box");
    add(fields, previewBox);
    refreshPreview();
  }

  private String value(BrandField field) {
    String mine = own.get(field);
    return mine != null ? mine : inherited.get(field);
  }

  /** Own value in the field, the inherited one as its placeholder (empty = inherit). */
  private void configureText(TextField field, BrandField brandField, String id) {
    field.setId(id);
    field.setWidthFull();
    field.setValue(own.get(brandField) == null ? "" : own.get(brandField));
    field.setPlaceholder(inherited.get(brandField) == null ? "" : inherited.get(brandField));
    field.setClearButtonVisible(true);
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.addValueChangeListener(e -> refreshPreview());
    lock(field, brandField);
  }

  private void configureText(EmailField field, BrandField brandField, String id) {
    field.setId(id);
    field.setWidthFull();
    field.setValue(own.get(brandField) == null ? "" : own.get(brandField));
    field.setPlaceholder(inherited.get(brandField) == null ? "" : inherited.get(brandField));
    field.setClearButtonVisible(true);
    lock(field, brandField);
  }

  /** A field the layer may not set shows the value it inherits, read-only. */
  private void lock(HasValue<?, String> field, BrandField brandField) {
    if (!editable.contains(brandField)) {
      field.setValue(value(brandField) == null ? "" : value(brandField));
      field.setReadOnly(true);
      if (field instanceof HasHelper helper) {
        helper.setHelperText("Set by your provider");
      }
    }
  }

  private Component imageField(BrandField field, String label, String hint) {
    Image current = new Image(Branding.url(value(field), Branding.PRODUCT_LOGO), label);
    current.addClassName("omni-brand-image");
    images.put(field, current);
    Span title = new Span(label);
    title.addClassName("omni-brand-image-label");
    Span help = new Span(hint);
    help.addClassName("omni-muted");
    Div text = new Div(title, help);
    Div row = new Div(current, text);
    row.addClassName("omni-brand-image-row");
    if (!editable.contains(field)) {
      help.setText("Set by your provider");
      return row;
    }
    UI ui = UI.getCurrent();
    String id = field == BrandField.LOGO ? "logo-upload" : "favicon-upload";
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (metadata, bytes) ->
                    ui.access(
                        () -> {
                          try {
                            Brand after = uploader.apply(field, bytes);
                            own.put(field, after.get(field));
                            current.setSrc(Branding.url(after.get(field), Branding.PRODUCT_LOGO));
                            refreshPreview();
                          } catch (DomainException e) {
                            onError.accept(e.getMessage());
                          }
                        })));
    upload.setId(id);
    upload.setMaxFiles(1);
    upload.setMaxFileSize(
        field == BrandField.LOGO ? BrandImages.MAX_LOGO_BYTES : BrandImages.MAX_FAVICON_BYTES);
    upload.setAcceptedFileTypes(
        "image/png",
        "image/jpeg",
        "image/webp",
        "image/svg+xml",
        "image/x-icon",
        ".ico",
        ".svg",
        ".png",
        ".jpg",
        ".jpeg",
        ".webp");
    upload.setDropAllowed(false);
    Button choose = new Button("Upload " + label.toLowerCase(), VaadinIcon.UPLOAD.create());
    choose.addThemeVariants(ButtonVariant.LUMO_SMALL);
    upload.setUploadButton(choose);
    upload.addFileRejectedListener(e -> onError.accept(e.getErrorMessage()));
    upload.addSucceededListener(e -> upload.clearFileList());
    text.add(upload);
    return row;
  }

  private static Div section(String title, Component... body) {
    Div section = new Div(new H4(title));
    section.add(body);
    section.addClassName("omni-brand-section");
    return section;
  }

  /** True when the colours can be saved (the server checks everything again). */
  public boolean isValid() {
    return (primary.isReadOnly() || primary.isValid()) && (accent.isReadOnly() || accent.isValid());
  }

  /**
   * The editable text and colour fields as a patch; "" (an emptied field, or a colour equal to the
   * inherited one) clears the layer's value so it inherits again.
   */
  public Brand changes() {
    Map<BrandField, String> patch = new EnumMap<>(BrandField.class);
    put(patch, BrandField.PRODUCT_NAME, productName.getValue());
    put(patch, BrandField.PRIMARY_COLOR, primary.getValue());
    put(patch, BrandField.ACCENT_COLOR, accent.getValue());
    put(patch, BrandField.SUPPORT_EMAIL, supportEmail.getValue());
    put(patch, BrandField.SUPPORT_URL, supportUrl.getValue());
    return Brand.of(patch);
  }

  private void put(Map<BrandField, String> patch, BrandField field, String value) {
    if (!editable.contains(field)) {
      return;
    }
    String v = value == null ? "" : value.trim();
    // a colour equal to the inherited one is not stored: the layer keeps following its parent
    boolean colour = field == BrandField.PRIMARY_COLOR || field == BrandField.ACCENT_COLOR;
    patch.put(field, colour && v.equals(inherited.get(field)) ? "" : v);
  }

  /** The brand as it would look with the current inputs. */
  private Brand current() {
    Map<BrandField, String> values = new EnumMap<>(BrandField.class);
    for (BrandField f : BrandField.values()) {
      values.put(f, value(f));
    }
    values.put(BrandField.PRODUCT_NAME, blankTo(productName.getValue(), inherited.productName()));
    values.put(BrandField.PRIMARY_COLOR, primary.getValue());
    values.put(BrandField.ACCENT_COLOR, accent.getValue());
    return Brand.of(values);
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private void refreshPreview() {
    preview.show(current());
  }
}
