/** GDPR in the UI: a lead's Privacy dialog (export, erase) and Settings → Privacy (retention). */
package io.omnireach.ui.privacy;
