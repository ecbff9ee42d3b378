/** The inbox of replies and the operator's home. */
package io.omnireach.ui.sections;
