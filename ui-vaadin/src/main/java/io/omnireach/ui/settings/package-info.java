/** Workspace settings: the team (members, roles, invitations) and branding. */
package io.omnireach.ui.settings;
