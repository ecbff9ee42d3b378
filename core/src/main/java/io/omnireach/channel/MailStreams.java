package io.omnireach.channel;

/**
 * Jakarta Mail 2.1 looks up its {@code StreamProvider} through {@link java.util.ServiceLoader} —
 * parsing the class path's service files — for every MIME part, header and body it encodes or
 * decodes (jakartaee/mail-api#861, open). Naming Angus Mail's provider in the system property that
 * the lookup reads first turns that into a class lookup: in the send benchmark two thirds of the
 * CPU samples of a raw Jakarta Mail loop were that scan.
 */
public final class MailStreams {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailStreams() {}

  /**
   * Names Angus's provider unless the property is set already or the context class loader — the one
   * the lookup tries first, and with the property it does not fall back — cannot load it (in Open
   * Liberty Angus comes with the mail feature and is visible through the thread context). Call once
   * at start-up, on an application thread, before sending. True when the property names Angus.
   */
  public static boolean preferAngus() {
    if (System.getProperty(PROPERTY) != null) {
      return ANGUS.equals(System.getProperty(PROPERTY));
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    try {
      Class.forName(ANGUS, false, context != null ? context : MailStreams.class.getClassLoader());
      System.setProperty(PROPERTY, ANGUS);
      return true;
    } catch (ClassNotFoundException e) {
      return false; // another Jakarta Mail implementation: leave its service lookup alone
    }
  }
}
