/** The Vaadin Flow UI: shell, login, dashboard, sections and settings, branded per tenant. */
package io.omnireach.ui;
