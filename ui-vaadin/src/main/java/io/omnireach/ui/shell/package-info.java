/** The application shell: side navigation, header, branding, dark mode, shared components. */
package io.omnireach.ui.shell;
