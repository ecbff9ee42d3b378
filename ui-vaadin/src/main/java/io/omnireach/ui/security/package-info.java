/** Who is signed in to the UI session, and which views they may open. */
package io.omnireach.ui.security;
